package dev.hermes.worker.spawn;

import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.reply.EventPublisher;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.worker.settings.SettingsCache;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * ensure_runtime for one family, always called on that family's lane: answers a known healthy runtime
 * from memory, otherwise adopts, starts or creates the container and waits for /health. A runtime on
 * an older settings version is recreated first, so every answer runs today's settings.
 */
public final class Ensurer {
    private final RuntimeSpawner spawner;
    private final HealthProbe probe;
    private final ContainerSpecFactory specs;
    private final SettingsCache settings;
    private final RuntimeRegistry registry;
    private final EventPublisher publisher;
    private final Meters meters;
    private final Clock clock;
    private final String workerId;
    private final Duration healthTimeout;
    private final Semaphore spawnPermits;

    public Ensurer(RuntimeSpawner spawner, HealthProbe probe, ContainerSpecFactory specs, SettingsCache settings,
                   RuntimeRegistry registry, EventPublisher publisher, Meters meters, Clock clock, String workerId,
                   Duration healthTimeout, int maxConcurrentSpawns) {
        this.spawner = spawner;
        this.probe = probe;
        this.specs = specs;
        this.settings = settings;
        this.registry = registry;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.workerId = workerId;
        this.healthTimeout = healthTimeout;
        this.spawnPermits = new Semaphore(maxConcurrentSpawns, true);
    }

    /** Whether an ensure would be answered from memory right now, with no Docker or database call. */
    public boolean isWarm(UserId user) {
        return warm(user) != null;
    }

    /** The runtime an ensure would answer from memory right now, or null if it would need more. */
    public Runtime warm(UserId user) {
        Runtime known = registry.find(user);
        return known != null && known.settingsVersion() >= settings.current().version() ? known : null;
    }

    public Ensured ensure(UserId user, UUID correlationId, UUID causationId) {
        Runtime warm = warm(user);
        if (warm != null) {
            return new Ensured(warm, false, 0, 0, 0);
        }
        Optional<Runtime> known = registry.get(user);
        // off the warm path: read the settings fresh, so a change saved a moment ago is never missed
        GlobalSettings current = settings.refresh();
        if (known.isPresent() && known.get().settingsVersion() >= current.version()) {
            return new Ensured(known.get(), false, 0, 0, 0);
        }
        if (known.isPresent()) {
            return recreate(user, known.get().containerName(), known.get().settingsVersion(), current, causationId);
        }
        return spawn(user, current, correlationId, causationId, true);
    }

    /** Replaces the runtime with one on the current settings, if it is older; returns null if nothing ran. */
    public Ensured recreateIfStale(UserId user, UUID causationId) {
        GlobalSettings current = settings.current();
        Optional<Runtime> known = registry.get(user);
        long version = known.map(Runtime::settingsVersion).orElseGet(() -> spawner.inspect(user.containerName())
                .filter(c -> Boolean.TRUE.equals(c.getState().getRunning()))
                .map(c -> ContainerLabels.settingsVersion(c.getConfig().getLabels())).orElse(Long.MAX_VALUE));
        if (version >= current.version()) {
            return null;
        }
        return recreate(user, user.containerName(), version, current, causationId);
    }

    private Ensured recreate(UserId user, String containerName, long fromVersion, GlobalSettings current,
                             UUID causationId) {
        long t0 = System.nanoTime();
        registry.remove(user);
        meters.dockerCall();
        spawner.remove(containerName);
        publisher.audit(new RuntimeStopped(EventIds.next(), clock.instant(), user, causationId, workerId,
                containerName, StopReason.SETTINGS_RECREATE, true, false));
        Ensured fresh = spawn(user, current, null, causationId, false);
        meters.recreated();
        publisher.audit(new RuntimeRecreated(EventIds.next(), clock.instant(), user, causationId, workerId,
                containerName, fromVersion, fresh.runtime().settingsVersion(), (System.nanoTime() - t0) / 1_000_000));
        return fresh;
    }

    private Ensured spawn(UserId user, GlobalSettings current, UUID correlationId, UUID causationId,
                          boolean recreateStale) {
        ContainerSpec spec = specs.specFor(user, current, settings.account(user));
        meters.spawnsPending().incrementAndGet();
        try {
            StartedContainer started = startWithPermit(spec);
            if (recreateStale && !started.created() && started.settingsVersion() < current.version()) {
                return recreate(user, started.containerName(), started.settingsVersion(), current, causationId);
            }
            if (started.created()) {
                meters.phase("create", started.createMs());
                publisher.audit(new RuntimeSpawned(EventIds.next(), clock.instant(), user, correlationId,
                        causationId, workerId, spec.name(), started.containerId(), started.settingsVersion(),
                        started.configHash(), started.createMs()));
            }
            if (started.started()) {
                meters.phase("start", started.startMs());
                publisher.audit(new RuntimeStarted(EventIds.next(), clock.instant(), user, correlationId,
                        causationId, workerId, spec.name(), started.containerId(), !started.created(),
                        started.startMs()));
            }
            long t0 = System.nanoTime();
            boolean wasAlreadyUp = awaitHealthy(user, started, causationId);
            long healthMs = (System.nanoTime() - t0) / 1_000_000;
            // adopting a container that was still booting made the caller wait like a cold start
            boolean cold = started.started() || !wasAlreadyUp;
            if (started.started()) {
                meters.phase("health", healthMs);
            }
            Runtime runtime = Runtime.of(user, started.containerId(), started.url(), started.settingsVersion(),
                    started.startedAt());
            registry.put(runtime);
            return new Ensured(runtime, cold, started.createMs(), started.startMs(), healthMs);
        } finally {
            meters.spawnsPending().decrementAndGet();
        }
    }

    private StartedContainer startWithPermit(ContainerSpec spec) {
        try {
            spawnPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnFailedException("interrupted while waiting for a spawn slot for " + spec.name(), e);
        }
        try {
            meters.dockerCall();
            return spawner.ensureStarted(spec);
        } finally {
            spawnPermits.release();
        }
    }

    private boolean awaitHealthy(UserId user, StartedContainer started, UUID causationId) {
        try {
            return probe.awaitHealthy(started.containerName(), started.url(), healthTimeout,
                    () -> spawner.assertRunning(started.containerId(), started.containerName()));
        } catch (HealthTimeoutException e) {
            spawner.stop(started.containerId());
            publisher.audit(new RuntimeStopped(EventIds.next(), clock.instant(), user, causationId, workerId,
                    started.containerName(), StopReason.HEALTH_TIMEOUT, false, false));
            throw e;
        }
    }
}
