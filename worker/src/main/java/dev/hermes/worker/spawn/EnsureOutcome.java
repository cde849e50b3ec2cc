package dev.hermes.worker.spawn;

import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.runtime.Runtime;
import java.util.List;

/**
 * What one ensure did: the healthy runtime, whether the caller had to wait for it to start (cold), its
 * phase timings, and the facts of what happened on the way, in order (none for a warm answer).
 */
public record EnsureOutcome(
        Runtime runtime, boolean cold, long createMs, long startMs, long healthMs, List<RuntimeFact> facts) {
    public EnsureOutcome {
        facts = List.copyOf(facts);
    }

    /** Answered with a runtime already known healthy: nothing happened. */
    public static EnsureOutcome warm(Runtime runtime) {
        return new EnsureOutcome(runtime, false, 0, 0, 0, List.of());
    }
}
