package dev.hermes.ops.audit;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints timelines and fleet summaries as aligned text, or as one JSON document via {@link AuditJson}. */
public final class AuditPrinter {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-24s  %-16s  %-20s  %-8s  %6s  %6s  %6s  %6s  %-36s  %s";
    private static final String TIMING_ROW = "  %-14s %7s %7s %7s %7s %7s";
    private final AuditJson json;

    public AuditPrinter(AuditJson json) {
        this.json = json;
    }

    public void timeline(UserAudit audit, boolean asJson, PrintStream out) {
        if (asJson) {
            out.println(json.timeline(audit));
            return;
        }
        ReplayStats replay = audit.replay();
        out.println("user " + audit.timeline().user()
                + window(audit.scope().since(), audit.scope().until()) + ": "
                + audit.timeline().entries().size() + " events; " + reading(replay));
        out.println(row(
                "TIME", "TYPE", "REASON", "SETTINGS", "CREATE", "START", "HEALTH", "TOTAL", "CORRELATION", "WORKER"));
        boolean anyInferred = false;
        for (TimelineEntry e : audit.timeline().entries()) {
            anyInferred |= e.settingsVersionInferred();
            out.println(row(
                    TIME.format(e.occurredAt()),
                    e.type(),
                    reasonOf(e),
                    settingsOf(e),
                    dash(e.createMs()),
                    dash(e.startMs()),
                    dash(e.healthMs()),
                    dash(e.totalMs() != null ? e.totalMs() : e.durationMs()),
                    dash(e.correlationId()),
                    dash(e.workerId())));
        }
        if (anyInferred) {
            out.println("? = settings version inferred from the user's other events (this event type has none)");
        }
        undecodable(replay, out);
    }

    public void fleet(FleetSummary s, boolean asJson, PrintStream out) {
        if (asJson) {
            out.println(json.fleet(s));
            return;
        }
        out.println("fleet: " + s.topic() + window(s.since(), s.until()) + "; " + reading(s.replay()));
        out.println("events: " + (s.eventsByType().isEmpty() ? "none" : counts(s.eventsByType())));
        out.println("spawns: " + s.spawns());
        out.println("answers: " + s.answers() + " (cold " + s.coldAnswers() + ", warm " + s.warmAnswers() + ")");
        out.println("resumes: " + s.resumes() + " (paused runtimes woken instead of a cold start)");
        out.println("failures: " + s.failures() + counted(s.failuresByReason()));
        out.println("stops: " + s.stops() + counted(s.stopsByReason()));
        out.println("recreates: " + s.recreates()
                + (s.recreatesBySettingsVersion().isEmpty()
                        ? ""
                        : " ("
                                + s.recreatesBySettingsVersion().entrySet().stream()
                                        .map(e -> "to v" + e.getKey() + ": " + e.getValue())
                                        .collect(Collectors.joining(", "))
                                + ")"));
        out.println(String.format(TIMING_ROW, "timings (ms)", "count", "p50", "p95", "p99", "max")
                .stripTrailing());
        FleetSummary.Timings t = s.timings();
        timing(out, "ensure", t.ensure());
        timing(out, "ensure cold", t.ensureCold());
        timing(out, "ensure warm", t.ensureWarm());
        timing(out, "create", t.create());
        timing(out, "start", t.start());
        timing(out, "health (cold)", t.health());
        timing(out, "resume", s.resume());
        out.println("top failing users:" + (s.topFailingUsers().isEmpty() ? " none" : ""));
        s.topFailingUsers().forEach(u -> out.println("  " + u.userId() + "  " + u.count()));
        undecodable(s.replay(), out);
    }

    private static void timing(PrintStream out, String name, Percentiles p) {
        out.println(
                String.format(TIMING_ROW, name, p.count(), dash(p.p50()), dash(p.p95()), dash(p.p99()), dash(p.max())));
    }

    private static void undecodable(ReplayStats replay, PrintStream out) {
        replay.samples().forEach(u -> out.println("undecodable " + u.source() + ": " + u.error()));
    }

    private static String reading(ReplayStats r) {
        return r.recordsRead() + " records read, " + r.undecodable() + " undecodable";
    }

    private static String window(Instant since, Instant until) {
        return (since == null ? "" : " since " + since) + (until == null ? "" : " until " + until);
    }

    private static String reasonOf(TimelineEntry e) {
        if (e.reason() != null) {
            return e.reason();
        }
        if (e.coldStart() != null) {
            return e.coldStart() ? "cold" : "warm";
        }
        return Boolean.TRUE.equals(e.adopted()) ? "adopted" : "-";
    }

    private static String settingsOf(TimelineEntry e) {
        if (e.settingsVersion() == null) {
            return "-";
        }
        String version = "v" + e.settingsVersion() + (e.settingsVersionInferred() ? "?" : "");
        return e.fromSettingsVersion() == null ? version : "v" + e.fromSettingsVersion() + "->" + version;
    }

    private static String counted(Map<?, Long> counts) {
        return counts.isEmpty() ? "" : " (" + counts(counts) + ")";
    }

    private static String counts(Map<?, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String row(Object... columns) {
        return String.format(ROW, columns).stripTrailing();
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
