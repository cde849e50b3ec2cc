package dev.hermes.ops.chaos;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one scenario measured: the request counts (see {@link Outcome} for in time, late, expired, lost), the duplicated families, the time from the fault's end
 * until every request was answered in time again (warm ones within the threshold), and the warm p99 of
 * the requests sent during the fault, and {@code deadUrls}: READY answers in time whose URL did not answer
 * its {@code GET /health} probe, split (agent families' aside) into {@code deadAtAnswer} and {@code diedAfterAnswer}
 * by {@link DeadUrl}. {@code recoverSeconds} is null when it never recovered; {@code
 * warmP99FaultMs} is null when no warm request was answered from that window. {@code error} is set when
 * the scenario could not run.
 */
public record ScenarioResult(
        String name,
        long sent,
        long inTime,
        long late,
        long expired,
        long lost,
        long failedAnswers,
        int duplicates,
        Double recoverSeconds,
        Double warmP99FaultMs,
        Map<String, Object> extras,
        String error,
        long deadUrls,
        long deadAtAnswer,
        long diedAfterAnswer) {

    public static ScenarioResult failed(String name, String error) {
        return new ScenarioResult(name, 0, 0, 0, 0, 0, 0, 0, null, null, Map.of(), error, 0, 0, 0);
    }

    /** {@link #of(String, List, Set, long, long, long, Map, List)} with no dead URL told apart: each counts as dead at the answer. */
    public static ScenarioResult of(
            String name,
            List<Outcome> outcomes,
            Set<String> duplicatedFamilies,
            long faultStartMs,
            long faultEndMs,
            long warmThresholdMs,
            Map<String, Object> more) {
        return of(name, outcomes, duplicatedFamilies, faultStartMs, faultEndMs, warmThresholdMs, more, null);
    }

    /** Sums up the outcomes against the fault window [faultStartMs, faultEndMs]. */
    public static ScenarioResult of(
            String name,
            List<Outcome> outcomes,
            Set<String> duplicatedFamilies,
            long faultStartMs,
            long faultEndMs,
            long warmThresholdMs,
            Map<String, Object> more,
            List<DeadUrl> deadUrls) {
        long inTime = count(outcomes, Outcome.Status.IN_TIME);
        long late = count(outcomes, Outcome.Status.LATE);
        long expired = count(outcomes, Outcome.Status.EXPIRED);
        long lost = count(outcomes, Outcome.Status.LOST);
        long failed = outcomes.stream().filter(Outcome::failed).count();
        Map<String, Object> extras = new TreeMap<>(more);
        for (Sent.Kind kind : Sent.Kind.values()) {
            List<Outcome> of = outcomes.stream().filter(o -> o.kind() == kind).toList();
            if (!of.isEmpty()) {
                String k = kind.name().toLowerCase();
                extras.put(k + "_sent", of.size());
                extras.put(k + "_in_time", count(of, Outcome.Status.IN_TIME));
                extras.put(k + "_late", count(of, Outcome.Status.LATE));
                extras.put(k + "_expired", count(of, Outcome.Status.EXPIRED));
                extras.put(k + "_lost", count(of, Outcome.Status.LOST));
                extras.put(
                        k + "_dead_urls", of.stream().filter(Outcome::deadUrl).count());
                extras.put(
                        k + "_failed_answers",
                        of.stream().filter(Outcome::failed).count());
            }
        }
        extras.put("duplicated_families", duplicatedFamilies.stream().sorted().toList());
        extras.put("fault_seconds", (faultEndMs - faultStartMs) / 1000.0);
        long dead = outcomes.stream().filter(Outcome::deadUrl).count();
        // the agents scenario's broken families die by design: their dead URLs are counted, never a violation
        long deadAtAnswer = deadUrls == null
                ? outcomes.stream()
                        .filter(o -> o.deadUrl() && o.kind() != Sent.Kind.AGENT)
                        .count()
                : deadUrls.stream()
                        .filter(d -> d.kind() != Sent.Kind.AGENT && d.verdict() == DeadUrl.Verdict.DEAD_AT_ANSWER)
                        .count();
        long diedAfter = deadUrls == null
                ? 0
                : deadUrls.stream()
                        .filter(d -> d.kind() != Sent.Kind.AGENT && d.verdict() == DeadUrl.Verdict.DIED_AFTER_ANSWER)
                        .count();
        if (deadUrls != null && !deadUrls.isEmpty()) {
            extras.put(
                    "dead_url_details",
                    deadUrls.stream().map(d -> d.json(faultStartMs)).toList());
        }
        return new ScenarioResult(
                name,
                outcomes.size(),
                inTime,
                late,
                expired,
                lost,
                failed,
                duplicatedFamilies.size(),
                Recovery.seconds(outcomes, faultStartMs, faultEndMs, warmThresholdMs),
                Recovery.warmP99(outcomes, faultStartMs, Math.max(faultEndMs, faultStartMs + 10_000)),
                extras,
                null,
                dead,
                deadAtAnswer,
                diedAfter);
    }

    private static long count(List<Outcome> outcomes, Outcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
