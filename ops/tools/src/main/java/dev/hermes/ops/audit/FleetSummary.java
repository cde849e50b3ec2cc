package dev.hermes.ops.audit;

import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * What happened to the fleet in a window, from the lifecycle events. Maps are sorted (reasons by name,
 * versions by number) so output is stable. Timings are milliseconds:
 * ensure = RuntimeReady.totalMs; create = RuntimeSpawned.createMs; start = RuntimeStarted.startMs;
 * health = healthMs of cold RuntimeReady answers; resume = RuntimeResumed.resumeMs. A resume (a paused runtime woken,
 * tiered idle) is not a cold start: its answer counts as warm, and {@code resumes} counts the resumes themselves
 * (a heartbeat's too, which has no answer).
 */
public record FleetSummary(
        String topic,
        Instant since,
        Instant until,
        ReplayStats replay,
        SortedMap<String, Long> eventsByType,
        long spawns,
        long coldAnswers,
        long warmAnswers,
        SortedMap<String, Long> failuresByReason,
        SortedMap<String, Long> stopsByReason,
        SortedMap<Long, Long> recreatesBySettingsVersion,
        Timings timings,
        List<UserCount> topFailingUsers,
        long resumes,
        Percentiles resume) {

    /** Percentiles of each measured duration. */
    public record Timings(
            Percentiles ensure,
            Percentiles ensureCold,
            Percentiles ensureWarm,
            Percentiles create,
            Percentiles start,
            Percentiles health) {}

    public long recordsRead() {
        return replay.recordsRead();
    }

    public long answers() {
        return coldAnswers + warmAnswers;
    }

    public long failures() {
        return failuresByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long stops() {
        return stopsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long recreates() {
        return recreatesBySettingsVersion.values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
