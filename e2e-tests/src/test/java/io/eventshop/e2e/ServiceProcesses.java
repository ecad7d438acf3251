package io.eventshop.e2e;

import java.util.Optional;

/** The processes of the running system's services, found among this JVM's descendants by their jar's path. */
final class ServiceProcesses {

    private ServiceProcesses() {}

    /** Whether {@code process} runs {@code service}'s jar (from {@code <service>/target/}). */
    static boolean runs(ProcessHandle process, String service) {
        return process.info()
                .commandLine()
                .map(line -> line.contains("/" + service + "/target/"))
                .orElse(false);
    }

    /** The process of {@code service}, if it runs. */
    static Optional<ProcessHandle> of(String service) {
        return ProcessHandle.current()
                .descendants()
                .filter(process -> runs(process, service))
                .findFirst();
    }
}
