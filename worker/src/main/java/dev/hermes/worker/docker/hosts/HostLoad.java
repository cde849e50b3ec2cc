package dev.hermes.worker.docker.hosts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How many families each host holds: their volumes (of any fleet, whether their container runs, is stopped or was
 * removed: each one comes back to its host), one list per host at most every {@link #FRESH}, plus the families
 * placed here since, so that a burst of placements spreads without a list each. A volume is made before its
 * container, so a placement in flight is counted by the next list too.
 */
final class HostLoad {
    static final Duration FRESH = Duration.ofSeconds(5);
    private final ToIntFunction<String> count;
    private final Clock clock;
    private final Map<String, Integer> counted = new HashMap<>(); // guarded by this
    private final Map<String, Instant> countedAt = new HashMap<>(); // guarded by this
    private final Map<String, Integer> placedSince = new HashMap<>(); // guarded by this

    /** @param count one list of the host's family volumes; throws when the host does not answer */
    HostLoad(ToIntFunction<String> count, Clock clock) {
        this.count = count;
        this.clock = clock;
    }

    /** The host's load now, listing it again when the last count is older than {@link #FRESH}. */
    synchronized int used(String host) {
        Instant at = countedAt.get(host);
        if (at == null || !clock.instant().isBefore(at.plus(FRESH))) {
            counted.put(host, count.applyAsInt(host));
            countedAt.put(host, clock.instant());
            placedSince.remove(host);
        }
        return counted.get(host) + placedSince.getOrDefault(host, 0);
    }

    /** A new family was placed on {@code host}. */
    synchronized void placed(String host) {
        placedSince.merge(host, 1, Integer::sum);
    }
}
