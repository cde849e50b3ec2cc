package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaAccessTest {

    @Test
    void thePropertiesFileAddsClientSettingsButNeverOverridesTheBootstrapOrTheClientId(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("kafka.properties");
        Files.writeString(
                file,
                "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                        + "bootstrap.servers=elsewhere:9092\nclient.id=theirs\n");

        Map<String, Object> config = KafkaAccess.of("broker:9092", file).config("hermes-admin");

        assertThat(config)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("client.id", "hermes-admin");
    }

    @Test
    void itShowsTheSettingsKeysButNeverTheirValues() {
        KafkaAccess kafka = new KafkaAccess(
                "broker:9092", Map.of("sasl.jaas.config", "ScramLoginModule required password=\"hunter2\";"));

        assertThat(kafka.toString()).contains("broker:9092", "sasl.jaas.config").doesNotContain("hunter2");
    }

    @Test
    void withoutAFileThereAreNoExtraSettings() {
        assertThat(KafkaAccess.of("broker:9092", null).clientProperties()).isEmpty();
        assertThat(KafkaAccess.of("broker:9092").config("x")).containsOnlyKeys("bootstrap.servers", "client.id");
    }

    @Test
    void aMissingFileOrBootstrapIsRefusedWithTheVariableName(@TempDir Path dir) {
        assertThatThrownBy(() -> KafkaAccess.of("broker:9092", dir.resolve("absent.properties")))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("HERMES_KAFKA_PROPERTIES_FILE");
        assertThatThrownBy(() -> KafkaAccess.of(" "))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }
}
