package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaPropertiesFileTest {

    @Test
    void theFileNamedByTheVariableGivesItsSettingsWithContinuedLines(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("kafka.properties"), """
                # a SCRAM client
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism: SCRAM-SHA-256
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="hermes" password="s3cret";
                """);

        Map<String, String> settings = KafkaPropertiesFile.fromEnv(Map.of("HERMES_KAFKA_PROPERTIES_FILE", file + " "));

        assertThat(settings)
                .containsOnly(
                        Map.entry("security.protocol", "SASL_PLAINTEXT"),
                        Map.entry("sasl.mechanism", "SCRAM-SHA-256"),
                        Map.entry(
                                "sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                        + "username=\"hermes\" password=\"s3cret\";"));
        assertThat(KafkaPropertiesFile.keys(settings))
                .isEqualTo("keys [sasl.jaas.config, sasl.mechanism, security.protocol]");
    }

    @Test
    void noVariableOrABlankOneMeansNoExtraSettings() {
        assertThat(KafkaPropertiesFile.fromEnv(Map.of())).isEmpty();
        assertThat(KafkaPropertiesFile.fromEnv(Map.of("HERMES_KAFKA_PROPERTIES_FILE", " ")))
                .isEmpty();
    }

    @Test
    void anUnreadableFileIsRefusedNamingTheVariableTheFileAndWhy(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("absent.properties").toString();
        Path badEscape = Files.writeString(dir.resolve("bad.properties"), "a=\\uZZZZ\n");

        assertThatThrownBy(() -> KafkaPropertiesFile.load(missing))
                .isInstanceOf(UnreadableKafkaPropertiesException.class)
                .hasMessage(
                        "cannot read HERMES_KAFKA_PROPERTIES_FILE at " + missing + ": NoSuchFileException: " + missing);
        assertThatThrownBy(() -> KafkaPropertiesFile.load(badEscape))
                .isInstanceOf(UnreadableKafkaPropertiesException.class)
                .hasMessageContaining("IllegalArgumentException: Malformed \\uxxxx encoding");
        assertThatThrownBy(() -> KafkaPropertiesFile.load("nul\0byte"))
                .isInstanceOf(UnreadableKafkaPropertiesException.class)
                .hasMessageContaining("Nul character");
    }
}
