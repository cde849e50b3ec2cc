package dev.hermes.schemas;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code HERMES_KAFKA_PROPERTIES_FILE}: a Java properties file of extra Kafka client settings (security.protocol,
 * sasl.*, ssl.*). The one loader of every Java client of the project: the worker, the admin library, the CLI and
 * the RuntimeClient. Values may hold credentials (sasl.jaas.config): show {@link #keys}, never the map.
 */
public final class KafkaPropertiesFile {
    public static final String VARIABLE = "HERMES_KAFKA_PROPERTIES_FILE";

    private KafkaPropertiesFile() {}

    /** The file's settings; unreadable or malformed: {@link UnreadableKafkaPropertiesException}. */
    public static Map<String, String> load(Path file) {
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableKafkaPropertiesException(
                    file.toString(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    /** {@link #load} of a path as given in the environment. */
    public static Map<String, String> load(String file) {
        try {
            return load(Path.of(file));
        } catch (InvalidPathException e) {
            throw new UnreadableKafkaPropertiesException(file, e.getReason());
        }
    }

    /** The settings of the file {@code env} names in {@link #VARIABLE}; none when it names none. */
    public static Map<String, String> fromEnv(Map<String, String> env) {
        String file = env.get(VARIABLE);
        return file == null || file.isBlank() ? Map.of() : load(file.trim());
    }

    /** What may be shown of the settings: their keys, sorted. */
    public static String keys(Map<String, ?> settings) {
        return "keys " + new TreeMap<>(settings).keySet();
    }
}
