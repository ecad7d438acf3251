package io.eventshop.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The production options are the container image's, and the devstack's differ from them only in the compiler. */
class ServiceJvmTests {

    private static final Path DOCKERFILE = Path.of("..", "infra", "docker", "Dockerfile");

    /** The options of the image's {@code ENV JAVA_TOOL_OPTIONS="..."}, but the heap's size, set there from the container. */
    private static List<String> imageOptions() throws IOException {
        String line = Files.readAllLines(DOCKERFILE).stream()
                .filter(l -> l.startsWith("ENV JAVA_TOOL_OPTIONS="))
                .findFirst()
                .orElseThrow();
        String options = line.substring(line.indexOf('"') + 1, line.lastIndexOf('"'));
        return Arrays.stream(options.split(" "))
                .filter(option -> !option.startsWith("-XX:MaxRAMPercentage"))
                .toList();
    }

    @Test
    void productionRunsTheImagesOptionsWithTheOptimisingCompiler() throws IOException {
        assertThat(imageOptions()).isNotEmpty();
        assertThat(ServiceJvm.PRODUCTION.options()).containsAll(imageOptions());
        assertThat(ServiceJvm.PRODUCTION.options()).noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void theDevstackDiffersOnlyInStoppingAtTheClientCompiler() {
        assertThat(ServiceJvm.DEVSTACK.options())
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(ServiceJvm.PRODUCTION.options().stream(), Stream.of("-XX:TieredStopAtLevel=1"))
                                .toList());
    }
}
