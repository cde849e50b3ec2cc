package dev.hermes.ops.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * `status` as aligned text (one line per runtime, then the count per state) or as one JSON document whose field
 * names are stable: every field is always present (null when unknown), times ISO-8601 UTC, uptime in seconds.
 */
public final class StatusPrinter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-36s  %-7s  %-12s  %-28s  %-20s  %8s  %9s  %s";

    private StatusPrinter() {}

    public static void text(List<RuntimeStatus> lines, PrintStream out) {
        out.println(String.format(
                ROW, "FAMILY", "STATE", "HOST", "WORKER", "LAST-ACTIVE", "SETTINGS", "UPTIME", "LAST-FAILURE"));
        for (RuntimeStatus s : lines) {
            out.println(String.format(
                    ROW,
                    s.user(),
                    s.state().label(),
                    dash(s.host()),
                    dash(s.worker()),
                    time(s.lastActive()),
                    dash(s.settingsVersion()),
                    uptime(s.uptime()),
                    s.lastFailure() == null ? "-" : s.lastFailure() + " at " + time(s.lastFailureAt())));
        }
        out.println(lines.size() + " runtime(s): " + counts(lines));
    }

    public static ObjectNode json(List<RuntimeStatus> lines, ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode counts = root.putObject("counts");
        countByState(lines).forEach((state, n) -> counts.put(state.label(), n));
        ArrayNode runtimes = root.putArray("runtimes");
        for (RuntimeStatus s : lines) {
            ObjectNode n = runtimes.addObject();
            n.put("userId", s.user().value());
            n.put("state", s.state().label());
            n.put("host", s.host());
            n.put("worker", s.worker());
            n.put("lastActiveAt", iso(s.lastActive()));
            n.put("settingsVersion", s.settingsVersion());
            n.put("uptimeSec", s.uptime() == null ? null : s.uptime().toSeconds());
            n.put("lastFailure", s.lastFailure());
            n.put("lastFailureAt", iso(s.lastFailureAt()));
        }
        return root;
    }

    /** Every state with its count (zero included), in the enum's order. */
    public static Map<RuntimeState, Long> countByState(List<RuntimeStatus> lines) {
        Map<RuntimeState, Long> counts = new EnumMap<>(RuntimeState.class);
        for (RuntimeState state : RuntimeState.values()) {
            counts.put(state, 0L);
        }
        lines.forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        return counts;
    }

    /** 3d4h, 2h5m, 7m12s, 40s; "-" for none. */
    public static String uptime(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = d.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d" + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        return s >= 60 ? s / 60 + "m" + s % 60 + "s" : s + "s";
    }

    public static String time(Instant at) {
        return at == null ? "-" : TIME.format(at);
    }

    private static String counts(List<RuntimeStatus> lines) {
        return countByState(lines).entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
