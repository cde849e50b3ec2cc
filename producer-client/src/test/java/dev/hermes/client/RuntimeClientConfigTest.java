package dev.hermes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeClientConfigTest {

    @Test
    void invalidSettingsAreRejectedAtConstructionWithTheSettingNamed() {
        assertThatThrownBy(() -> RuntimeClientConfig.of(" ", "chat"))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> RuntimeClientConfig.of("127.0.0.1:9092", "")).hasMessageContaining("source");
        assertThatThrownBy(
                        () -> RuntimeClientConfig.of("127.0.0.1:9092", "chat").withReplyPartition(-1))
                .hasMessageContaining("replyPartition");
        assertThatThrownBy(() -> new RuntimeClientConfig("b:1", Topics.defaults(), 0, "chat", Duration.ZERO, null))
                .hasMessageContaining("defaultTimeout");
    }

    @Test
    void defaultsUseTheStandardTopicsAndPartitionZero() {
        RuntimeClientConfig config = RuntimeClientConfig.of("127.0.0.1:9092", "whatsapp");

        assertThat(config.topics().requests()).isEqualTo("hermes.runtime.requests");
        assertThat(config.topics().replies()).isEqualTo("hermes.runtime.replies");
        assertThat(config.replyPartition()).isZero();
        assertThat(config.kafka()).isEmpty();
    }

    @Test
    void extraKafkaPropertiesAreCopiedSoLaterChangesDoNotLeakIn() {
        Map<String, Object> props = new java.util.HashMap<>(Map.of("security.protocol", "SSL"));
        RuntimeClientConfig config =
                new RuntimeClientConfig("b:1", Topics.defaults(), 2, "voice", Duration.ofSeconds(5), props);
        props.put("sasl.mechanism", "PLAIN");

        assertThat(config.kafka()).containsOnlyKeys("security.protocol");
    }
}
