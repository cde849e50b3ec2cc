package dev.hermes.worker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The settings in a Java properties file (extra Kafka client settings). Only the keys are ever shown: values may
 * hold credentials (sasl.jaas.config).
 */
final class PropertiesFileType implements SettingType<Map<String, String>> {

    @Override
    public String describe() {
        return "a readable Java properties file";
    }

    @Override
    public Map<String, String> parse(String raw) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(raw), StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(e.getReason());
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return map;
    }

    @Override
    public String format(Map<String, String> properties) {
        return "keys " + new TreeMap<>(properties).keySet();
    }
}
