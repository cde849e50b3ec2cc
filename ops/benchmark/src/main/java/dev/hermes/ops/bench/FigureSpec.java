package dev.hermes.ops.bench;

import java.util.Map;

/** A figure's name, unit and target: the one place each figure's target is written down. */
public record FigureSpec(String name, String unit, Target target) {

    public Figure of(double system, Double raw) {
        return Figure.of(name, system, raw, unit, target);
    }

    public Figure failed(String error) {
        return new Figure(name, null, null, unit, target, Map.of(), error);
    }

    /** Not measured because the stack does not allow it (e.g. one Docker host): no error, no verdict. */
    public Figure notMeasured(String reason) {
        return new Figure(name, null, null, unit, target, Map.of(Figure.NOT_MEASURED, reason), null);
    }
}
