package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigDocsTest {
    static final String WRITE_SWITCH = "hermes.config.docs.write";
    static final String REGENERATE = "mvn -B -pl worker -am test -Dtest=ConfigDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -D" + WRITE_SWITCH + "=true";

    @Test
    void theReadmeTableIsTheOneGeneratedFromTheCatalogue() throws IOException {
        Path readme = readme();
        String current = Files.readString(readme, StandardCharsets.UTF_8);
        String generated = ConfigDocs.withTable(current, ConfigDocs.markdownTable(WorkerSettings.ALL));
        if (Boolean.getBoolean(WRITE_SWITCH)) {
            Files.writeString(readme, generated, StandardCharsets.UTF_8);
        }
        assertThat(ConfigDocs.section(Files.readString(readme, StandardCharsets.UTF_8)))
                .as(
                        "%s's worker settings table differs from WorkerSettings; regenerate it with:%n  %s",
                        readme, REGENERATE)
                .isEqualTo(ConfigDocs.section(generated));
    }

    @Test
    void everySettingIsOneRowWithItsDefaultValidValuesAndDoc() {
        String table = ConfigDocs.markdownTable(WorkerSettings.ALL);

        assertThat(table.lines()).hasSize(WorkerSettings.ALL.size() + 2);
        assertThat(table)
                .contains("| `HERMES_PG_POOL_SIZE` | `4` | an integer >= 1 | connection pool bound |")
                .contains("| `HERMES_API_KEY_SECRET(_FILE)` | required | a secret of at least 16 characters |")
                .contains("| `HERMES_PG_PASSWORD(_FILE)` | empty |")
                .contains("| `HERMES_HEALTH_TIMEOUT_SEC` | `120` | a number of seconds > 0 (decimals allowed) |")
                .contains("| `HERMES_WORKER_ID` | `<hostname>-<pid>` |")
                .contains("| `HERMES_HTTP_PORT` | `9400` | an integer from 0 to 65535 |")
                .contains("| `HERMES_PLUGINS_DIR` | `/var/lib/hermes/plugins` |")
                .contains("| `HERMES_EXTRA_LABELS` | none | comma-separated key=value pairs, no hermes.\\* keys");
    }

    @Test
    void onlyTheTextBetweenTheMarkersIsReplaced() {
        String doc = "intro\n" + ConfigDocs.BEGIN + "\nold table\n" + ConfigDocs.END + "\nafter\n";

        assertThat(ConfigDocs.withTable(doc, "| new |\n"))
                .isEqualTo("intro\n" + ConfigDocs.BEGIN + "\n\n| new |\n\n" + ConfigDocs.END + "\nafter\n");
        assertThat(ConfigDocs.section(doc)).isEqualTo("\nold table\n");
        assertThat(ConfigDocs.markdownTable(List.of()))
                .isEqualTo("| variable | default | valid values | meaning |\n" + "|---|---|---|---|\n");
        assertThatThrownBy(() -> ConfigDocs.withTable("no markers", "| new |\n"))
                .hasMessageContaining("worker-settings:begin");
        assertThatThrownBy(() -> ConfigDocs.section(ConfigDocs.END + " before " + ConfigDocs.BEGIN))
                .hasMessageContaining("worker-settings:end");
    }

    /** The repository's README.md: the first one with the markers, walking up from the working directory. */
    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            try {
                if (Files.isRegularFile(candidate)
                        && Files.readString(candidate).contains(ConfigDocs.BEGIN)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + candidate, e);
            }
        }
        throw new IllegalStateException("no README.md with " + ConfigDocs.BEGIN + " above "
                + Path.of("").toAbsolutePath());
    }
}
