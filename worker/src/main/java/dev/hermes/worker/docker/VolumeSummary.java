package dev.hermes.worker.docker;

import java.util.Map;

/** A volume as a list shows it; {@code labels} is empty when it has none. */
public record VolumeSummary(String name, Map<String, String> labels) {
    public VolumeSummary {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
