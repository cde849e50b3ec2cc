package dev.hermes.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
}
