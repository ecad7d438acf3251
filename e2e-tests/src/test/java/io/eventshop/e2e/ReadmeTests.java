package io.eventshop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README maps each pattern to the file that implements it; those files must exist. */
class ReadmeTests {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyFileTheReadmeLinksToExists() throws IOException {
        List<String> links = linksIn(PROJECT.resolve("README.md"));

        assertThat(links).hasSizeGreaterThan(20);
        // A clone holds only the repository: a link out of it would be broken for every reader.
        assertThat(links).noneMatch(link -> link.startsWith("../"));
        assertThat(links)
                .filteredOn(link -> !link.startsWith("http"))
                .allSatisfy(link -> assertThat(PROJECT.resolve(link)).exists());
    }

    @Test
    void everyModuleReadmeLinksOnlyToFilesThatExist() throws IOException {
        for (String module : List.of("devstack", "common-messaging", "order-service", "payment-service")) {
            Path readme = PROJECT.resolve(module).resolve("README.md");
            assertThat(readme).exists();
            assertThat(linksIn(readme))
                    .filteredOn(link -> !link.startsWith("http"))
                    .allSatisfy(
                            link -> assertThat(readme.getParent().resolve(link)).exists());
        }
    }

    private static List<String> linksIn(Path markdown) throws IOException {
        Matcher matcher = LINK.matcher(Files.readString(markdown));
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
