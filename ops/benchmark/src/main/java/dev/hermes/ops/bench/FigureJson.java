package dev.hermes.ops.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON that ops/bench --out writes: {"run": {...}, "figures": [{"name", "system", "raw", "ratio",
 * "unit", "target", "ok", ...extras, "error"?}]}. raw and ratio are null where there is no raw side;
 * numbers are rounded to 4 decimals.
 */
public final class FigureJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(Map<String, Object> run, List<Figure> figures) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", round(run));
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures) {
            list.add(figure(f));
        }
        root.put("figures", list);
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> figure(Figure f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("system", round(f.system()));
        m.put("raw", round(f.raw()));
        m.put("ratio", round(f.ratio()));
        m.put("unit", f.unit());
        m.put("target", f.target().describe());
        m.put("ok", f.ok());
        f.extras().forEach((k, v) -> m.putIfAbsent(k, round(v)));
        if (f.error() != null) {
            m.put("error", f.error());
        }
        return m;
    }

    private static Map<String, Object> round(Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, round(v)));
        return m;
    }

    /** Doubles to 4 decimals; NaN and infinities become null (JSON has no such numbers). */
    static Object round(Object value) {
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            return Math.round(d * 10_000) / 10_000.0;
        }
        return value;
    }
}
