package dev.hermes.ops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders figures as the fixed-width table ops/bench prints: name, system, raw, ratio, unit, target, ok?. */
public final class FigureTable {
    private static final String[] HEADER = {"name", "system", "raw", "ratio", "unit", "target", "ok?"};

    public String render(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure f : figures) {
            rows.add(new String[] {
                f.name(),
                number(f.system()),
                number(f.raw()),
                ratio(f.ratio()),
                f.unit(),
                f.target().describe(),
                verdict(f)
            });
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            line(out, rows.get(r), widths);
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                line(out, rule, widths);
            }
        }
        for (Figure f : figures) {
            if (f.error() != null) {
                out.append("  ").append(f.name()).append(": ").append(f.error()).append('\n');
            } else if (f.notMeasured() != null) {
                out.append("  ")
                        .append(f.name())
                        .append(": not measured: ")
                        .append(f.notMeasured())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean numeric = i >= 1 && i <= 3;
            String cell = cells[i];
            String pad = " ".repeat(widths[i] - cell.length());
            line.append(numeric ? pad + cell : cell + pad).append("  ");
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    static String verdict(Figure f) {
        if (f.error() != null) {
            return "ERROR";
        }
        if (f.notMeasured() != null) {
            return "skipped";
        }
        Boolean ok = f.ok();
        return ok == null ? "-" : ok ? "yes" : "NO";
    }

    /** Adaptive precision: 123456 -> "123,456", 42.345 -> "42.3", 1.2345 -> "1.23"; null -> "-". */
    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
