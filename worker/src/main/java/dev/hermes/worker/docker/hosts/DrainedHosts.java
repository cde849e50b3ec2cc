package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.HostDrains;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Docker hosts that take no new family ({@code ops/hermes hosts drain}), as last read from PostgreSQL: read at
 * each placement, refreshed every {@link #REFRESH}; PostgreSQL down keeps the last read.
 */
public final class DrainedHosts implements Supplier<Set<String>> {
    /** How often a worker re-reads the drained Docker hosts. */
    public static final Duration REFRESH = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(DrainedHosts.class);
    private final AtomicReference<Set<String>> drained = new AtomicReference<>(Set.of());

    @Override
    public Set<String> get() {
        return drained.get();
    }

    /** Re-reads the drained hosts; a failed read keeps the last one. */
    public void refresh(HostDrains drains) {
        try {
            drained.set(drains.hosts());
        } catch (RuntimeException e) {
            log.debug("reading the drained Docker hosts failed; keeping {}", drained.get(), e);
        }
    }
}
