package dev.hermes.ops.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measured figure: the system's value, the raw baseline's value measured in the same run (null
 * where there is none), and extra facts (p95s, counts, notes). {@code error} is set when it could not
 * be measured (the run's exit code says so); a figure that does not apply to this stack is instead "not
 * measured", with the reason in the extra {@value #NOT_MEASURED}, and fails nothing.
 */
public record Figure(
        String name, Double system, Double raw, String unit, Target target, Map<String, Object> extras, String error) {

    /** The extra that holds why a figure was not measured. */
    public static final String NOT_MEASURED = "not_measured";

    public Figure {
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    public static Figure of(String name, double system, Double raw, String unit, Target target) {
        return new Figure(name, system, raw, unit, target, Map.of(), null);
    }

    public static Figure failed(String name, String unit, Target target, String error) {
        return new Figure(name, null, null, unit, target, Map.of(), error);
    }

    /** Why the figure was not measured on this stack, or null when it was (or failed). */
    public String notMeasured() {
        return extras.get(NOT_MEASURED) instanceof String reason ? reason : null;
    }

    /** system / raw, or null when either side is missing. */
    public Double ratio() {
        if (system == null || raw == null || raw == 0 || raw.isNaN() || system.isNaN()) {
            return null;
        }
        return system / raw;
    }

    public Boolean ok() {
        return error != null ? Boolean.FALSE : target.met(system, ratio());
    }

    /** A copy with one more extra fact. */
    public Figure with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extras);
        more.put(key, value);
        return new Figure(name, system, raw, unit, target, more, error);
    }
}
