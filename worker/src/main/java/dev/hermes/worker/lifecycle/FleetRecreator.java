package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.settings.SettingsCache;
import dev.hermes.worker.spawn.CurrentBuild;
import dev.hermes.worker.spawn.EnsureFailedException;
import dev.hermes.worker.spawn.Ensurer;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every running runtime this worker owns onto the current settings version and image (a new build under
 * the HERMES_IMAGE tag): rm -f, spawn, health, through each family's lane, at most HERMES_RECREATE_CONCURRENCY at
 * once. The Docker labels are the truth, so a replayed event or a worker taking over halfway recreates only what
 * is still old. A paused runtime (tiered idle) is removed instead, audited RuntimeStopped SETTINGS_RECREATE: nobody
 * waits for it, its volume stays, and the family's next ensure creates one on today's settings.
 */
public final class FleetRecreator {
    private static final Logger log = LoggerFactory.getLogger(FleetRecreator.class);
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;
    private final OwnedRuntimes owned;
    private final Ensurer ensurer;
    private final SettingsCache settings;
    private final LifecycleAudit audit;
    private final Meters meters;
    private final int concurrency;
    private final Freezer freezer;
    private final Clock clock;

    /** @param freezer removes stale paused runtimes; null recreates them like running ones */
    public FleetRecreator(
            OwnedRuntimes owned,
            Ensurer ensurer,
            SettingsCache settings,
            LifecycleAudit audit,
            Meters meters,
            int concurrency,
            Freezer freezer,
            Clock clock) {
        this.freezer = freezer;
        this.clock = clock;
        this.owned = owned;
        this.ensurer = ensurer;
        this.settings = settings;
        this.audit = audit;
        this.meters = meters;
        this.concurrency = concurrency;
    }

    /**
     * Recreates what is stale (an older settings version, another image); returns how many were recreated.
     * Synchronized: one campaign at a time, whether a settings change or an image rollout started it.
     */
    public synchronized int recreateStale(UUID causationId) throws InterruptedException {
        settings.refresh();
        CurrentBuild build = ensurer.currentBuild();
        long version = build.settingsVersion();
        List<OwnedRuntimes.Owned> stale = owned.list().stream()
                .filter(r -> build.outdatedBy(
                                r.container().labels(), r.container().imageId())
                        .isPresent())
                .toList();
        meters.runtimes().settingsDrift().set(stale.size());
        if (stale.isEmpty()) {
            return 0;
        }
        log.info(
                "settings version {}, image {}: recreating {} runtimes, {} at a time",
                version,
                build.imageId(),
                stale.size(),
                concurrency);
        CountDownLatch done = new CountDownLatch(stale.size());
        AtomicInteger recreated = new AtomicInteger();
        long started = System.nanoTime();
        AtomicLong lastProgress = new AtomicLong(started);
        owned.throughLanes(
                stale,
                runtime -> {
                    if (System.nanoTime() - lastProgress.get() > PROGRESS_EVERY_NANOS) {
                        lastProgress.set(System.nanoTime());
                        logProgress(version, stale.size(), done);
                    }
                    return true;
                },
                new Semaphore(concurrency),
                runtime -> {
                    try {
                        if (removedPaused(runtime, causationId)) {
                            return;
                        }
                        ensurer.recreateIfStale(runtime.user()).ifPresent(outcome -> {
                            audit.record(runtime.user(), causationId, outcome.facts());
                            recreated.incrementAndGet();
                        });
                    } catch (EnsureFailedException e) {
                        audit.record(runtime.user(), causationId, e.factsSoFar());
                        log.warn("recreate of user={} failed: {}", runtime.user(), e.getMessage());
                    } catch (RuntimeException e) {
                        log.warn("recreate of user={} failed: {}", runtime.user(), e.getMessage());
                    } finally {
                        meters.runtimes().settingsDrift().decrementAndGet();
                        done.countDown();
                    }
                });
        while (!done.await(5, TimeUnit.SECONDS)) {
            logProgress(version, stale.size(), done);
        }
        log.info(
                "recreate to settings version {} finished: {} recreated in {} ms",
                version,
                recreated.get(),
                (System.nanoTime() - started) / 1_000_000);
        return recreated.get();
    }

    /** On the family's lane: a runtime still paused is removed, not recreated. */
    private boolean removedPaused(OwnedRuntimes.Owned runtime, UUID causationId) {
        if (freezer == null
                || !runtime.container().paused()
                || !freezer.removeIfPaused(runtime.container().id())) {
            return false;
        }
        UserId user = runtime.user();
        audit.record(
                user,
                causationId,
                new RuntimeFact.Stopped(
                        clock.instant(), user.containerName(), StopReason.SETTINGS_RECREATE, true, false));
        log.info("removed the stale paused runtime of user={} (volume kept)", user);
        return true;
    }

    private void logProgress(long version, int total, CountDownLatch done) {
        log.info(
                "recreate to settings version {}: {} of {} done, {} still on an older version or image",
                version,
                total - done.getCount(),
                total,
                meters.runtimes().settingsDrift().get());
    }
}
