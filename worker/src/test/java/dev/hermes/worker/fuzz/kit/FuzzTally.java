package dev.hermes.worker.fuzz.kit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch against what the workers wrote: counts by kind, whether every record is accounted for (the
 * batch is drained), and the two outcome checks. "Exactly once" means: each good request's correlationId
 * gets exactly one reply, a RuntimeReady; every other correlationId gets at most one. A duplicate eventId
 * comes with a correlationId of its own (the worker does not de-duplicate by eventId), so it is a request
 * of its own and gets its own single answer.
 */
public final class FuzzTally {
    private static final String INVALID = "INVALID_REQUEST";
    private static final String DEADLINE_PASSED = "DEADLINE_PASSED";
    private final Map<FuzzKind, Row> rows = new EnumMap<>(FuzzKind.class);
    private final List<String> unaccounted = new ArrayList<>();
    private final List<String> goodNotOnce = new ArrayList<>();
    private final List<String> badMisanswered = new ArrayList<>();
    private long lastWriteMillis;

    /** One line of the table. */
    public record Row(FuzzKind kind, int sent, int dlq, int invalidRequest, int answered, int skipped, int missing) {
        Row plus(boolean dlq, boolean invalid, boolean answered, boolean skipped, boolean missing) {
            return new Row(
                    kind,
                    sent + 1,
                    this.dlq + (dlq ? 1 : 0),
                    invalidRequest + (invalid ? 1 : 0),
                    this.answered + (answered ? 1 : 0),
                    this.skipped + (skipped ? 1 : 0),
                    this.missing + (missing ? 1 : 0));
        }
    }

    public static FuzzTally of(List<FuzzSent> sent, FuzzObserved observed) {
        FuzzTally tally = new FuzzTally();
        sent.forEach(s -> tally.add(s, observed));
        return tally;
    }

    private void add(FuzzSent s, FuzzObserved observed) {
        FuzzRecord r = s.record();
        boolean dlq = observed.dlqCount(s.source()) > 0;
        List<String> replies = observed.replies(r.correlationId());
        boolean invalid = replies.contains(INVALID);
        boolean skipped = observed.auditedSkip(r.correlationId()) || replies.contains(DEADLINE_PASSED);
        boolean answered = replies.stream().anyMatch(x -> !x.equals(INVALID) && !x.equals(DEADLINE_PASSED));
        boolean accounted = switch (r.kind().expect()) {
            case REJECTED -> dlq || invalid;
            case STALE -> dlq || invalid || skipped;
            case ANSWERED -> r.kind() == FuzzKind.GOOD ? !replies.isEmpty() : !replies.isEmpty() || dlq;
            case NOTHING -> true;
        };
        String what = r.kind() + " #" + r.index() + " (" + s.source() + ", correlationId " + r.correlationId() + ")";
        if (!accounted) {
            unaccounted.add(what);
        }
        if (r.kind() == FuzzKind.GOOD && !replies.isEmpty() && !replies.equals(List.of(FuzzObserved.READY))) {
            goodNotOnce.add(what + " got " + replies);
        } else if (r.kind() != FuzzKind.GOOD && replies.size() > 1) {
            badMisanswered.add(what + " answered " + replies.size() + " times: " + replies);
        } else if ((r.kind().expect() == FuzzKind.Expect.REJECTED || r.kind().expect() == FuzzKind.Expect.STALE)
                && replies.contains(FuzzObserved.READY)) {
            badMisanswered.add(what + " was served: " + replies);
        }
        rows.putIfAbsent(r.kind(), new Row(r.kind(), 0, 0, 0, 0, 0, 0));
        rows.computeIfPresent(r.kind(), (k, row) -> row.plus(dlq, invalid, answered, skipped, !accounted));
        lastWriteMillis = Math.max(lastWriteMillis, observed.lastWriteMillis(s.source(), r.correlationId()));
    }

    /** True once every record has the outcome its kind needs (a good request: an answer). */
    public boolean drained() {
        return unaccounted.isEmpty();
    }

    /** Every good request answered exactly once, READY; no other request answered twice or served when it should not be. */
    public FuzzVerdict answeredExactlyOnce() {
        List<String> problems = new ArrayList<>(goodNotOnce);
        problems.addAll(badMisanswered);
        unaccounted.stream().filter(u -> u.startsWith("GOOD ")).forEach(u -> problems.add(u + " never answered"));
        return FuzzVerdict.of("every good request answered exactly once (READY); no request answered twice", problems);
    }

    /** Every bad record in the DLQ or answered INVALID_REQUEST (a stale one may be skipped as DEADLINE_PASSED). */
    public FuzzVerdict badRecordsHandled() {
        return FuzzVerdict.of(
                "every bad record in the DLQ or answered INVALID_REQUEST",
                unaccounted.stream().filter(u -> !u.startsWith("GOOD ")).toList());
    }

    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    public Row row(FuzzKind kind) {
        return rows.getOrDefault(kind, new Row(kind, 0, 0, 0, 0, 0, 0));
    }

    /** The latest write (DLQ copy, answer, audited skip) caused by the batch, as the broker dated it. */
    public long lastWriteMillis() {
        return lastWriteMillis;
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%-26s %6s %6s %8s %9s %8s %8s%n",
                "kind",
                "sent",
                "dlq",
                "invalid",
                "answered",
                "skipped",
                "missing"));
        Row total = new Row(null, 0, 0, 0, 0, 0, 0);
        for (Row row : rows.values()) {
            out.append(line(row.kind().name(), row));
            total = new Row(
                    null,
                    total.sent() + row.sent(),
                    total.dlq() + row.dlq(),
                    total.invalidRequest() + row.invalidRequest(),
                    total.answered() + row.answered(),
                    total.skipped() + row.skipped(),
                    total.missing() + row.missing());
        }
        return out.append(line("total", total)).toString();
    }

    private static String line(String name, Row row) {
        return String.format(
                Locale.ROOT,
                "%-26s %6d %6d %8d %9d %8d %8d%n",
                name.toLowerCase(Locale.ROOT),
                row.sent(),
                row.dlq(),
                row.invalidRequest(),
                row.answered(),
                row.skipped(),
                row.missing());
    }
}
