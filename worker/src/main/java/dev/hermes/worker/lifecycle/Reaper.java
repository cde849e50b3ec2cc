package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.PausedRuntime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tiered idle for the runtimes of owned families ({@link ReapTier}): idle longer than RUNTIME_IDLE_SEC is paused
 * (RUNTIME_PAUSE, audited RuntimePaused), or stopped at once without it; paused longer than RUNTIME_STOP_SEC is
 * stopped (RuntimeStopped IDLE). One Docker list per cycle finds what runs and what is paused; each step goes through
 * the family's lane, so it never interleaves with a request, and a semaphore bounds how many run at once. A runtime
 * with no activity record counts as active when it started.
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
    private final Freezer freezer;
    private final Semaphore concurrency;
    private final Set<UserId> pending = ConcurrentHashMap.newKeySet();
    private final LastActivity lastActivity;

    /** @param freezer pauses and stops paused runtimes; null turns pausing off */
    public Reaper(
            OwnedRuntimes owned,
            RuntimeSpawner spawner,
            ActivityTracker activity,
            RuntimeRegistry registry,
            LifecycleAudit audit,
            Meters meters,
            Clock clock,
            ReapPolicy policy,
            Freezer freezer) {
        this.owned = owned;
        this.spawner = spawner;
        this.activity = activity;
        this.registry = registry;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        this.freezer = freezer;
        this.policy = freezer != null
                ? policy
                : new ReapPolicy(policy.idleTimeout(), policy.removeOnReap(), policy.maxConcurrentReaps());
        this.concurrency = new Semaphore(policy.maxConcurrentReaps());
        this.lastActivity = new LastActivity(activity, registry, spawner, clock);
    }

    /** One cycle: returns how many reaps (pauses and stops) were queued. */
    public int reapIdle() throws InterruptedException {
        return owned.throughLanes(
                owned.list(),
                runtime -> tierOf(
                                        runtime.user(),
                                        runtime.container().id(),
                                        runtime.container().paused(),
                                        lastActivity.of(runtime))
                                != ReapTier.KEEP
                        && pending.add(runtime.user()),
                concurrency,
                runtime -> {
                    try {
                        reapIfStillIdle(runtime);
                    } finally {
                        pending.remove(runtime.user());
                    }
                });
    }

    /** The tier of a family's container, paused or not; when this worker paused it comes from the registry. */
    private ReapTier tierOf(UserId user, String containerId, boolean paused, Instant lastActive) {
        PausedRuntime known = registry.findPaused(user);
        Instant pausedAt = known != null && known.runtime().containerId().equals(containerId) ? known.pausedAt() : null;
        return ReapTier.of(paused, lastActive, pausedAt, clock.instant(), policy);
    }

    /** Runs on the family's lane: a request that came in since the cycle started wins. */
    private void reapIfStillIdle(OwnedRuntimes.Owned runtime) {
        UserId user = runtime.user();
        ActivityTracker.Activity known = activity.get(user);
        Instant lastActive = known != null ? known.lastActiveAt() : lastActivity.of(runtime);
        // a resume since the list thawed it: the warm set holds it again, and it is judged afresh next cycle
        boolean paused = runtime.container().paused() && registry.find(user) == null;
        ReapTier tier = tierOf(user, runtime.container().id(), paused, lastActive);
        if (tier == ReapTier.PAUSE) {
            pause(user, runtime.container().id(), lastActive);
        } else if (tier == ReapTier.STOP) {
            stop(user, runtime.container().id(), paused, known);
        }
    }

    private void pause(UserId user, String containerId, Instant lastActive) {
        Instant now = clock.instant();
        registry.pause(user, containerId, now);
        try {
            freezer.pause(containerId);
        } catch (RuntimeException e) {
            // not running any more, or paused by someone else: the event stream and the next cycle tell
            registry.takePaused(user);
            log.warn("pausing {} of user={} failed: {}", user.containerName(), user, e.getMessage());
            return;
        }
        meters.pauses().paused();
        audit.record(
                user,
                null,
                new RuntimeFact.Paused(now, user.containerName(), containerId, Duration.between(lastActive, now)));
        log.info("paused user={} container={} idle since {}", user, user.containerName(), lastActive);
    }

    private void stop(UserId user, String containerId, boolean paused, ActivityTracker.Activity known) {
        registry.remove(user);
        PausedRuntime wasPaused = registry.takePaused(user);
        if (paused || wasPaused != null) {
            freezer.stopPaused(containerId, policy.removeOnReap());
        } else {
            meters.docker().called();
            if (policy.removeOnReap()) {
                spawner.remove(containerId);
            } else {
                spawner.stop(containerId);
            }
        }
        meters.runtimes().reaped(StopReason.IDLE.name());
        audit.record(
                user,
                null,
                new RuntimeFact.Stopped(
                        clock.instant(), user.containerName(), StopReason.IDLE, policy.removeOnReap(), false));
        log.info(
                "reaped user={} container={} ({}) idle since {}",
                user,
                user.containerName(),
                paused ? "was paused" : "was running",
                known == null ? "its start" : known.lastActiveAt());
    }
}
