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
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes room on a full engine: stops the least recently active runtime this worker owns that has been idle at least
 * HERMES_EVICT_MIN_IDLE_SEC, exactly like an idle reap (volume kept), audited RuntimeStopped EVICTED. The stop runs on
 * the victim's lane, taken only if it is free at that moment: a busy lane means the family is in use right now, so the
 * next candidate is tried instead of waiting (a cold start holds its own lane, and waiting on another could deadlock).
 * Paused runtimes (tiered idle) go first, least recently active first, whatever HERMES_EVICT_MIN_IDLE_SEC: they hold
 * memory and serve nobody ({@link #idlestFirst}).
 */
public final class Evictor {
    private static final Logger log = LoggerFactory.getLogger(Evictor.class);
    /** The retry-after hint when no owned runtime could ever make room (this worker owns none but the one asking). */
    static final Duration NO_CANDIDATE_RETRY = Duration.ofSeconds(30);

    static final Duration LEAST_RETRY = Duration.ofSeconds(1);

    private final OwnedRuntimes owned;
    private final LastActivity lastActivity;
    private final ActivityTracker activity;
    private final RuntimeRegistry registry;
    private final RuntimeSpawner spawner;
    private final LifecycleAudit audit;
    private final Meters meters;
    private final Clock clock;
    private final Duration minIdle;
    private final boolean remove;
    private final Freezer freezer;

    /** What one attempt found: whether it stopped a runtime, and if not, when one may become evictable. */
    record Attempt(boolean evicted, Duration retryAfter) {}

    /**
     * @param minIdle HERMES_EVICT_MIN_IDLE_SEC: a runtime idle less long is never evicted
     * @param remove remove the container rather than stop it, as an idle reap does (HERMES_REMOVE_ON_REAP)
     * @param freezer stops paused runtimes (unpausing first); null when nothing is ever paused
     */
    public Evictor(
            OwnedRuntimes owned,
            ActivityTracker activity,
            RuntimeRegistry registry,
            RuntimeSpawner spawner,
            LifecycleAudit audit,
            Meters meters,
            Clock clock,
            Duration minIdle,
            boolean remove,
            Freezer freezer) {
        this.freezer = freezer;
        this.owned = owned;
        this.lastActivity = new LastActivity(activity, registry, spawner, clock);
        this.activity = activity;
        this.registry = registry;
        this.spawner = spawner;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
        this.minIdle = minIdle;
        this.remove = remove;
    }

    /** Evicts one owned runtime other than {@code forWhom}'s, the least recently active one idle enough. */
    Attempt evictOne(UserId forWhom) {
        Map<OwnedRuntimes.Owned, Instant> candidates = owned.list().stream()
                .filter(r -> !r.user().equals(forWhom))
                .collect(Collectors.toMap(r -> r, lastActivity::of, (a, b) -> a));
        List<OwnedRuntimes.Owned> idlestFirst =
                idlestFirst(candidates, clock.instant().minus(minIdle));
        for (OwnedRuntimes.Owned victim : idlestFirst) {
            AtomicBoolean stopped = new AtomicBoolean();
            if (owned.runNowIfLaneIdle(victim, () -> stopped.set(stopIfStillIdle(victim, forWhom))) && stopped.get()) {
                return new Attempt(true, Duration.ZERO);
            }
        }
        return new Attempt(false, retryAfter(candidates.values()));
    }

    /**
     * The runtimes that may be evicted, in order: paused ones first (whatever their idle time), then running ones idle
     * since {@code cutoff}; least recently active first within each.
     */
    static List<OwnedRuntimes.Owned> idlestFirst(Map<OwnedRuntimes.Owned, Instant> lastActive, Instant cutoff) {
        return lastActive.keySet().stream()
                .filter(r -> r.container().paused() || !lastActive.get(r).isAfter(cutoff))
                .sorted(Comparator.comparing(
                                (OwnedRuntimes.Owned r) -> !r.container().paused())
                        .thenComparing(lastActive::get))
                .toList();
    }

    /** The time until the soonest candidate becomes evictable; at least a second. */
    private Duration retryAfter(Collection<Instant> lastActive) {
        Instant now = clock.instant();
        Duration soonest = lastActive.stream()
                .map(at -> Duration.between(now, at.plus(minIdle)))
                .min(Comparator.naturalOrder())
                .orElse(NO_CANDIDATE_RETRY);
        return soonest.compareTo(LEAST_RETRY) < 0 ? LEAST_RETRY : soonest;
    }

    /** On the victim's lane: a request that came in since the candidates were listed wins. */
    private boolean stopIfStillIdle(OwnedRuntimes.Owned victim, UserId forWhom) {
        UserId user = victim.user();
        ActivityTracker.Activity known = activity.get(user);
        // still paused: nobody resumed it since the list (a resume puts it back in the warm set)
        boolean paused = victim.container().paused() && registry.find(user) == null && freezer != null;
        if (!paused
                && known != null
                && known.lastActiveAt().isAfter(clock.instant().minus(minIdle))) {
            return false;
        }
        registry.remove(user);
        registry.takePaused(user);
        meters.docker().called();
        if (paused) {
            freezer.stopPaused(victim.container().id(), remove);
        } else if (remove) {
            spawner.remove(victim.container().id());
        } else {
            spawner.stop(victim.container().id());
        }
        meters.runtimes().reaped(StopReason.EVICTED.name());
        audit.record(
                user,
                null,
                new RuntimeFact.Stopped(clock.instant(), user.containerName(), StopReason.EVICTED, remove, false));
        log.info(
                "evicted user={} container={} (idle since {}) to make room for user={}",
                user,
                user.containerName(),
                known == null ? "its start" : known.lastActiveAt(),
                forWhom);
        return true;
    }
}
