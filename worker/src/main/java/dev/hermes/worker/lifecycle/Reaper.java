package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the runtimes of owned families idle longer than RUNTIME_IDLE_SEC. One Docker list per cycle
 * finds what runs; each reap goes through the family's lane, so it never interleaves with a request,
 * and a semaphore bounds how many run at once. A runtime with no activity record counts as active
 * when it started.
 */
public final class Reaper {
    private static final Logger log = LoggerFactory.getLogger(Reaper.class);
    private final OwnedRuntimes owned;
    private final RuntimeSpawner spawner;
    private final ActivityTracker activity;
    private final RuntimeRegistry registry;
    private final LifecycleAudit audit;
    private final Meters meters;
    private final Clock clock;
    private final ReapPolicy policy;
    private final Semaphore concurrency;
    private final Set<UserId> pending = ConcurrentHashMap.newKeySet();
    private final LastActivity lastActivity;

    public Reaper(
            OwnedRuntimes owned,
            RuntimeSpawner spawner,
            ActivityTracker activity,
            RuntimeRegistry registry,
            LifecycleAudit audit,
            Meters meters,
            Clock clock,
            ReapPolicy policy) {
        this.owned = owned;
        this.spawner = spawner;
        this.activity = activity;
        this.registry = registry;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        this.policy = policy;
        this.concurrency = new Semaphore(policy.maxConcurrentReaps());
        this.lastActivity = new LastActivity(activity, registry, spawner, clock);
    }

    /** One cycle: returns how many reaps were queued. */
    public int reapIdle() throws InterruptedException {
        Instant cutoff = clock.instant().minus(policy.idleTimeout());
        return owned.throughLanes(
                owned.list(),
                runtime -> lastActivity.of(runtime).isBefore(cutoff) && pending.add(runtime.user()),
                concurrency,
                runtime -> {
                    try {
                        reapIfStillIdle(runtime.user(), runtime.container().id());
                    } finally {
                        pending.remove(runtime.user());
                    }
                });
    }

    /** Runs on the family's lane: a request that came in since the cycle started wins. */
    private void reapIfStillIdle(UserId user, String containerId) {
        ActivityTracker.Activity known = activity.get(user);
        if (known != null && known.lastActiveAt().isAfter(clock.instant().minus(policy.idleTimeout()))) {
            return;
        }
        registry.remove(user);
        meters.dockerCall();
        if (policy.removeOnReap()) {
            spawner.remove(containerId);
        } else {
            spawner.stop(containerId);
        }
        meters.reaped(StopReason.IDLE.name());
        audit.record(
                user,
                null,
                new RuntimeFact.Stopped(
                        clock.instant(), user.containerName(), StopReason.IDLE, policy.removeOnReap(), false));
        log.info(
                "reaped user={} container={} idle since {}",
                user,
                user.containerName(),
                known == null ? "its start" : known.lastActiveAt());
    }
}
