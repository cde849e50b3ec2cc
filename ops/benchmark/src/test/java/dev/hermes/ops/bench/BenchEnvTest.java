package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchEnvTest {

    @Test
    void readsTheStacksVariablesAndFallsBackToTheWorkersDefaults() {
        BenchEnv env = new BenchEnv(Map.of(
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
        assertThatThrownBy(() -> new BenchEnv(Map.of()).apiKeySecret())
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("HERMES_API_KEY_SECRET")
                .hasMessageContaining("ops/local env");
        assertThat(new BenchEnv(Map.of("HERMES_API_KEY_SECRET", "s3cret-s3cret-s3cret-s3cret-s3cret")).apiKeySecret())
                .isEqualTo("s3cret-s3cret-s3cret-s3cret-s3cret");
    }
}
