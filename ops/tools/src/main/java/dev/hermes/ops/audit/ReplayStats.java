package dev.hermes.ops.audit;

import java.util.List;

/**
 * What a replay read: every record in the scanned offset range, how many events were in scope and handed
 * on, and the records that could not be decoded (counted, with the first few kept as samples).
 */
public record ReplayStats(long recordsRead, long eventsInScope, long undecodable, List<UndecodableRecord> samples) {
    public static final int MAX_SAMPLES = 5;

    public ReplayStats {
        samples = List.copyOf(samples);
    }
}
