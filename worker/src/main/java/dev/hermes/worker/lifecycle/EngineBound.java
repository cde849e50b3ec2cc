package dev.hermes.worker.lifecycle;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** HERMES_MAX_RUNTIMES as a number: as configured, or derived from the engine's memory ({@code auto}). */
public final class EngineBound {
    private static final Logger log = LoggerFactory.getLogger(EngineBound.class);

    private EngineBound() {}

    /**
     * HERMES_MAX_RUNTIMES=auto: 90% of the engine's memory (the rest for the engine, the worker and the page cache) over
     * each runtime's memory limit, at least 1.
     */
    public static int auto(long engineMemoryBytes, long runtimeMemoryBytes) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (engineMemoryBytes * 0.9) / runtimeMemoryBytes));
    }

    /**
     * The bound a worker runs with: {@code configured}, or with 0 (auto) {@link #auto} of the engine's memory
     * (asked of Docker once); logged with its numbers either way.
     */
    public static int of(int configured, LongSupplier engineMemoryBytes, long runtimeMemoryBytes) {
        if (configured > 0) {
            log.info("HERMES_MAX_RUNTIMES={}: at most {} runtimes on this Docker engine", configured, configured);
            return configured;
        }
        long engine = engineMemoryBytes.getAsLong();
        int bound = auto(engine, runtimeMemoryBytes);
        log.info(
                "HERMES_MAX_RUNTIMES=auto: engine MemTotal {} MiB x 0.9 / HERMES_RUNTIME_MEMORY_MB {} MiB = at most {} "
                        + "runtimes on this Docker engine",
                engine >> 20,
                runtimeMemoryBytes >> 20,
                bound);
        return bound;
    }
}
