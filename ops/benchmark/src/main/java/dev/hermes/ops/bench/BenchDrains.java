package dev.hermes.ops.bench;

import dev.hermes.admin.HostDrains;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains Docker hosts for a figure the way `ops/hermes hosts drain` does (a row of docker_host_drains), and
 * undrains exactly the ones it drained itself: in the figure's finally, and again when the stack closes (a
 * figure that timed out, Ctrl-C), so the benchmark never leaves a host of the stack drained.
 */
public final class BenchDrains {
    static final String DRAINED_BY = "ops-bench";
    private static final Logger log = LoggerFactory.getLogger(BenchDrains.class);
    private final HostDrains drains;
    private final Clock clock;
    private final Set<String> ours = new LinkedHashSet<>();

    public BenchDrains(HostDrains drains, Clock clock) {
        this.drains = drains;
        this.clock = clock;
    }

    /** The hosts draining now, whoever drained them. */
    public Set<String> draining() {
        return drains.hosts();
    }

    /** Drains {@code host}; false (and nothing to undo) when it was draining already. */
    public synchronized boolean drain(String host) {
        boolean drained = drains.drain(host, clock.instant(), DRAINED_BY);
        if (drained) {
            ours.add(host);
        }
        return drained;
    }

    /** Undrains every host this run drained; a failure is logged and the host kept for the next try. */
    public synchronized void undrainOurs() {
        for (String host : Set.copyOf(ours)) {
            try {
                drains.undrain(host);
                ours.remove(host);
            } catch (RuntimeException e) {
                log.warn(
                        "could not undrain Docker host {} (ops/hermes hosts undrain {}): {}", host, host, e.toString());
            }
        }
    }
}
