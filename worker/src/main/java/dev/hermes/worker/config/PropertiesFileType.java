package dev.hermes.worker.config;

import dev.hermes.schemas.KafkaPropertiesFile;
import dev.hermes.schemas.UnreadableKafkaPropertiesException;
import java.util.Map;

/**
 * The settings in a Java properties file (extra Kafka client settings), read by the project's one loader. Only the
 * keys are ever shown: values may hold credentials (sasl.jaas.config).
 */
final class PropertiesFileType implements SettingType<Map<String, String>> {

    @Override
    public String describe() {
        return "a readable Java properties file";
    }

    @Override
    public Map<String, String> parse(String raw) {
        try {
            return KafkaPropertiesFile.load(raw);
        } catch (UnreadableKafkaPropertiesException e) {
            throw new IllegalArgumentException(e.reason());
        }
    }

    @Override
    public String format(Map<String, String> properties) {
        return KafkaPropertiesFile.keys(properties);
    }
}
