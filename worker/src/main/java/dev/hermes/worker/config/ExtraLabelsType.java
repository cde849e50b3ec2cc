package dev.hermes.worker.config;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** "k=v,k2=v2": labels put on every container and volume; hermes.* keys are the worker's own. */
final class ExtraLabelsType implements SettingType<Map<String, String>> {

    @Override
    public String describe() {
        return "comma-separated key=value pairs, no hermes.* keys but hermes.test and hermes.x-*";
    }

    @Override
    public Map<String, String> parse(String raw) {
        Map<String, String> labels = new HashMap<>();
        for (String pair : raw.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not key=value");
            }
            labels.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return labels;
    }

    @Override
    public void validate(Map<String, String> labels) {
        SettingType.super.validate(labels);
        var managed = labels.keySet().stream()
                .filter(k -> k.startsWith("hermes.") && !k.startsWith("hermes.x-") && !k.equals("hermes.test"))
                .sorted()
                .toList();
        if (!managed.isEmpty()) {
            throw new IllegalArgumentException("the worker manages " + managed);
        }
    }

    @Override
    public String format(Map<String, String> labels) {
        return String.join(
                ",",
                new TreeMap<>(labels)
                        .entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .toList());
    }
}
