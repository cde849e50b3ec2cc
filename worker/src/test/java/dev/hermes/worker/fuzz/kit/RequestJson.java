package dev.hermes.worker.fuzz.kit;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A RuntimeRequested as a map of field name to raw JSON text, so a mutation can put any JSON in any field. */
final class RequestJson {
    private final Map<String, String> fields = new LinkedHashMap<>();

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    RequestJson put(String field, String rawJson) {
        fields.put(field, rawJson);
        return this;
    }

    RequestJson putString(String field, String text) {
        return put(field, quoted(text));
    }

    RequestJson remove(String field) {
        fields.remove(field);
        return this;
    }

    String text() {
        return fields.entrySet().stream()
                .map(e -> quoted(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
