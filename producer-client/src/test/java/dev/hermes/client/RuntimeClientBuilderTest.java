package dev.hermes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeClientBuilderTest {
    @Test
    void namedSettingsBuildTheConfig() {
        RuntimeClientConfig config = RuntimeClient.builder()
                .bootstrapServers("k:9092")
                .topicPrefix("dev.")
                .replyPartition(5)
                .source("voice")
                .timeout(Duration.ofSeconds(7))
                .kafkaProperties(Map.of("security.protocol", "SSL"))
                .buildConfig();

        assertThat(config.bootstrapServers()).isEqualTo("k:9092");
        assertThat(config.topics().replies()).isEqualTo("dev.runtime.replies");
        assertThat(config.replyPartition()).isEqualTo(5);
        assertThat(config.source()).isEqualTo("voice");
        assertThat(config.defaultTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.kafka()).containsEntry("security.protocol", "SSL");
    }

    @Test
    void theEnvironmentConfiguresEverySettingAndLaterSettersWin() {
        RuntimeClientConfig config = RuntimeClient.builder()
                .fromEnv(Map.of(
                        "HERMES_KAFKA_BOOTSTRAP", "h:1",
                        "KAFKA_BOOTSTRAP_SERVERS", "k:1",
                        "HERMES_TOPIC_PREFIX", "staging.",
                        "HERMES_REPLY_PARTITION", "3",
                        "HERMES_CLIENT_TIMEOUT_MS", "2500",
                        "HERMES_CLIENT_SOURCE", "whatsapp"))
                .source("chat")
                .buildConfig();

        assertThat(config.bootstrapServers()).as("HERMES_KAFKA_BOOTSTRAP first").isEqualTo("h:1");
        assertThat(config.topics().requests()).isEqualTo("staging.runtime.requests");
        assertThat(config.replyPartition()).isEqualTo(3);
        assertThat(config.defaultTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.source()).isEqualTo("chat");
        assertThat(RuntimeClient.builder()
                        .fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k:1"))
                        .buildConfig()
                        .bootstrapServers())
                .isEqualTo("k:1");
    }

    @Test
    void theWorkersPropertiesFileGivesSecurityAndBootstrapServers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(file, """
                bootstrap.servers=secure:9093
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                """);

        RuntimeClientConfig config = RuntimeClient.builder()
                .fromEnv(Map.of("HERMES_KAFKA_PROPERTIES_FILE", file.toString()))
                .buildConfig();

        assertThat(config.bootstrapServers()).isEqualTo("secure:9093");
        assertThat(config.kafka())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .doesNotContainKey("bootstrap.servers");
    }

    @Test
    void theConfigShowsTheKafkaPropertiesKeysButNeverTheirValues() {
        RuntimeClientConfig config = RuntimeClient.builder()
                .bootstrapServers("k:1")
                .kafkaProperties(Map.of("sasl.jaas.config", "ScramLoginModule required password=\"hunter2\";"))
                .buildConfig();

        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }

    @Test
    void badSettingsFailAtBuildTimeNamingTheSetting(@TempDir Path dir) {
        assertThatThrownBy(() -> RuntimeClient.builder().fromEnv(Map.of()).buildConfig())
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("HERMES_KAFKA_BOOTSTRAP");
        assertThatThrownBy(() -> RuntimeClient.builder().fromEnv(Map.of("HERMES_REPLY_PARTITION", "two")))
                .hasMessageContaining("HERMES_REPLY_PARTITION");
        assertThatThrownBy(() -> RuntimeClient.builder().fromEnv(Map.of("HERMES_CLIENT_TIMEOUT_MS", "")))
                .hasMessageContaining("HERMES_CLIENT_TIMEOUT_MS");
        assertThatThrownBy(() -> RuntimeClient.builder()
                        .bootstrapServers("k:1")
                        .timeout(Duration.ZERO)
                        .buildConfig())
                .hasMessageContaining("defaultTimeout");
        assertThatThrownBy(() -> RuntimeClient.builder()
                        .bootstrapServers("k:1")
                        .replyPartition(-1)
                        .buildConfig())
                .hasMessageContaining("replyPartition");
        assertThatThrownBy(() -> RuntimeClient.builder().topicPrefix("a b")).hasMessageContaining("topic prefix");
        assertThatThrownBy(() -> RuntimeClient.builder()
                        .fromEnv(Map.of(
                                "HERMES_KAFKA_PROPERTIES_FILE",
                                dir.resolve("missing").toString())))
                .hasMessageContaining("cannot read HERMES_KAFKA_PROPERTIES_FILE at");
    }
}
