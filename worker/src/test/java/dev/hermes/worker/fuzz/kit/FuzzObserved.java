package dev.hermes.worker.fuzz.kit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the workers wrote in answer to the batch: DLQ copies by source, replies by correlationId (the reason
 * of a RuntimeFailed, or READY), and audited DEADLINE_PASSED skips; with the latest write time seen.
 */
public final class FuzzObserved {
    public static final String READY = "READY";
    private final Map<String, Integer> dlqBySource = new HashMap<>();
    private final Map<UUID, List<String>> repliesByCorrelation = new HashMap<>();
    private final Map<UUID, Integer> auditedSkips = new HashMap<>();
    private final Map<Object, Long> lastWriteBySourceOrCorrelation = new HashMap<>();
    private int unreadableReplies;

    public synchronized void dlq(String source, long timestampMillis) {
        dlqBySource.merge(source, 1, Integer::sum);
        seen(source, timestampMillis);
    }

    /** {@code outcome}: {@link #READY} or a RuntimeFailed's reason name. */
    public synchronized void reply(UUID correlationId, String outcome, long timestampMillis) {
        repliesByCorrelation
                .computeIfAbsent(correlationId, c -> new ArrayList<>())
                .add(outcome);
        seen(correlationId, timestampMillis);
    }

    public synchronized void unreadableReply() {
        unreadableReplies++;
    }

    public synchronized void auditedSkip(UUID correlationId, long timestampMillis) {
        auditedSkips.merge(correlationId, 1, Integer::sum);
        seen(correlationId, timestampMillis);
    }

    public synchronized int dlqCount(String source) {
        return dlqBySource.getOrDefault(source, 0);
    }

    public synchronized List<String> replies(UUID correlationId) {
        return correlationId == null
                ? List.of()
                : List.copyOf(repliesByCorrelation.getOrDefault(correlationId, List.of()));
    }

    public synchronized boolean auditedSkip(UUID correlationId) {
        return correlationId != null && auditedSkips.containsKey(correlationId);
    }

    public synchronized int unreadableReplies() {
        return unreadableReplies;
    }

    /** The timestamp of the latest DLQ copy of {@code source}, answer or audited skip of {@code correlationId} (0: none). */
    public synchronized long lastWriteMillis(String source, UUID correlationId) {
        long bySource = lastWriteBySourceOrCorrelation.getOrDefault(source, 0L);
        long byCorrelation =
                correlationId == null ? 0L : lastWriteBySourceOrCorrelation.getOrDefault(correlationId, 0L);
        return Math.max(bySource, byCorrelation);
    }

    private void seen(Object sourceOrCorrelation, long timestampMillis) {
        lastWriteBySourceOrCorrelation.merge(sourceOrCorrelation, timestampMillis, Math::max);
    }
}
