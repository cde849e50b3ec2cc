package dev.hermes.worker.lifecycle;

import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-checks the health of every warm runtime once per HERMES_LIVENESS_INTERVAL_SEC, after it was ready. The interval is
 * cut in {@link #SLOTS} ticks and each runtime has its slot (by its family's hash), so the checks are spread over the
 * interval. A check never blocks: it is an asynchronous request, and at most one per runtime is in flight. After
 * HERMES_LIVENESS_FAILURES failed checks in a row the runtime leaves the warm set at once (the warm path never answers
 * it again) and {@code onUnhealthy} hears of it: its container is removed on the family's lane. A runtime replaced in
 * the meantime (recreated, reaped) is left alone: only the very runtime that was checked is taken out.
 *
 * <p>At most {@link #MAX_IN_FLIGHT} checks are in flight at once: a worker whose agents hang (each check then waits
 * out its timeout) holds a bounded number of requests, not one per runtime. A runtime whose slot comes while the bound
 * is reached is checked at its slot of the next interval.
 */
public final class LivenessChecker {
    /** Ticks per interval. */
    public static final int SLOTS = 30;

    /** Checks in flight at once, of every runtime. */
    public static final int MAX_IN_FLIGHT = 256;

    private static final Logger log = LoggerFactory.getLogger(LivenessChecker.class);
    private final RuntimeRegistry registry;
    private final LivenessProbe probe;
    private final int failuresAllowed;
    private final Consumer<Runtime> onUnhealthy;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private long ticks;

    /** @param failuresAllowed HERMES_LIVENESS_FAILURES: failed checks in a row that make a runtime unhealthy */
    public LivenessChecker(
            RuntimeRegistry registry, LivenessProbe probe, int failuresAllowed, Consumer<Runtime> onUnhealthy) {
        this.registry = registry;
        this.probe = probe;
        this.failuresAllowed = failuresAllowed;
        this.onUnhealthy = onUnhealthy;
    }

    /** How often {@link #tick()} runs for HERMES_LIVENESS_INTERVAL_SEC {@code interval}. */
    public static Duration tickPeriod(Duration interval) {
        Duration period = interval.dividedBy(SLOTS);
        return period.compareTo(Duration.ofMillis(10)) < 0 ? Duration.ofMillis(10) : period;
    }

    /** The slot a runtime is checked in. */
    static int slotOf(Runtime runtime) {
        return Math.floorMod(runtime.userId().hashCode(), SLOTS);
    }

    /** Starts the checks of the runtimes whose slot comes now; returns how many were started. */
    public synchronized int tick() {
        int slot = (int) (ticks++ % SLOTS);
        if (slot == 0) {
            forgetRuntimesGone();
        }
        int started = 0;
        for (Runtime runtime : registry.all()) {
            if (inFlight.size() >= MAX_IN_FLIGHT) {
                log.debug(
                        "{} liveness checks in flight: the rest of slot {} waits for the next interval",
                        MAX_IN_FLIGHT,
                        slot);
                break;
            }
            if (slotOf(runtime) == slot && inFlight.add(runtime.containerId())) {
                check(runtime);
                started++;
            }
        }
        return started;
    }

    private void check(Runtime runtime) {
        CompletableFuture<Boolean> answer;
        try {
            answer = probe.healthy(runtime.url());
        } catch (RuntimeException e) {
            answer = CompletableFuture.completedFuture(false);
        }
        answer.whenComplete((healthy, error) -> {
            inFlight.remove(runtime.containerId());
            checked(runtime, error == null && Boolean.TRUE.equals(healthy));
        });
    }

    private void checked(Runtime runtime, boolean healthy) {
        if (healthy) {
            failures.remove(runtime.containerId());
            return;
        }
        int inARow = failures.merge(runtime.containerId(), 1, Integer::sum);
        if (inARow < failuresAllowed) {
            log.debug("liveness check {} of {} failed for {}", inARow, failuresAllowed, runtime.containerName());
            return;
        }
        failures.remove(runtime.containerId());
        if (registry.markUnhealthy(runtime)) {
            log.warn(
                    "runtime {} of user {} failed {} health checks in a row: out of the warm set",
                    runtime.containerName(),
                    runtime.userId(),
                    inARow);
            onUnhealthy.accept(runtime);
        }
    }

    /** Failed-check counts of runtimes that left the warm set are dropped once per interval. */
    private void forgetRuntimesGone() {
        if (failures.isEmpty()) {
            return;
        }
        Set<String> warm = new HashSet<>();
        registry.all().forEach(r -> warm.add(r.containerId()));
        failures.keySet().retainAll(warm);
    }

    /** Failed checks in a row of the runtime's container so far (for tests and logs). */
    int failuresOf(String containerId) {
        return failures.getOrDefault(containerId, 0);
    }
}
