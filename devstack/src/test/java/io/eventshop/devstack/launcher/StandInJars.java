package io.eventshop.devstack.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Lays out a checkout whose services are {@link StandInService}s: a jar for each, where Maven would leave it. */
final class StandInJars {

    private StandInJars() {}

    /** Writes {@code <service>/target/<service>-0.1.0-SNAPSHOT.jar} under {@code projectDir} for every service. */
    static void writeAll(Path projectDir, List<ServiceSpec> services) throws IOException {
        for (ServiceSpec spec : services) {
            Path target =
                    Files.createDirectories(projectDir.resolve(spec.name()).resolve("target"));
            write(target.resolve(spec.name() + "-0.1.0-SNAPSHOT.jar"));
        }
    }

    /** Writes an executable jar that runs {@link StandInService}. */
    static Path write(Path jar) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, StandInService.class.getName());
        String entry = StandInService.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                var out = new JarOutputStream(file, manifest);
                InputStream bytes = StandInService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
