package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliEnvTest {

    @Test
    void readsTheStacksVariablesAndFallsBackToTheWorkersDefaults() {
        CliEnv env = new CliEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", " 127.0.0.1:19092 ", "HERMES_TOPIC_PREFIX", "t1.", "HERMES_PG_USER", "  "));

        assertThat(env.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(env.topics().events()).startsWith("t1.");
        assertThat(env.pgUser()).isEqualTo("postgres");
        assertThat(env.pgUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/hermes");
        assertThat(env.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(env.get("HERMES_BENCH_WORKERS", null)).isNull();
    }

    @Test
    void namesTheMissingSecretAndHowToGetIt() {
        assertThatThrownBy(() -> new CliEnv(Map.of()).apiKeySecret())
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("HERMES_API_KEY_SECRET")
                .hasMessageContaining("ops/local env");
        assertThat(new CliEnv(Map.of("HERMES_API_KEY_SECRET", "s3cret-s3cret-s3cret-s3cret-s3cret")).apiKeySecret())
                .isEqualTo("s3cret-s3cret-s3cret-s3cret-s3cret");
    }

    @Test
    void kafkaClientsGetTheSettingsOfTheFileNamedByHermesKafkaPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("kafka.properties"), "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");

        Map<String, Object> config = new CliEnv(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "broker:9093", "HERMES_KAFKA_PROPERTIES_FILE", file.toString()))
                .kafka()
                .config("ops-cli");

        assertThat(config)
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void aCommandStopsBeforeReachingKafkaWhenThePropertiesFileIsUnreadable(@TempDir Path dir) {
        String missing = dir.resolve("absent.properties").toString();
        Map<String, String> env = new HashMap<>(CliRun.nowhere());
        env.put("HERMES_KAFKA_PROPERTIES_FILE", missing);

        CliRun run = CliRun.run(env, "topics", "verify");

        assertThat(run.code()).isEqualTo(HermesCli.FAILED);
        assertThat(run.err())
                .isEqualTo("topics verify: cannot read HERMES_KAFKA_PROPERTIES_FILE at " + missing
                        + ": NoSuchFileException: " + missing + System.lineSeparator());
    }
}
