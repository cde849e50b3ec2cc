package dev.hermes.worker.spawn;

import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Docker half of an ensure: creates or adopts and starts a container, waits for /health, and puts the runtime in
 * the warm set; replaces one (remove, then spawn). Adds what happened to the facts it is given.
 */
final class Launch {
    private final RuntimeSpawner spawner;
    private final HealthCheck health;
    private final RuntimeRegistry registry;
    private final Meters meters;
    private final Clock clock;

    Launch(RuntimeSpawner spawner, HealthCheck health, RuntimeRegistry registry, Meters meters, Clock clock) {
        this.spawner = spawner;
        this.health = health;
        this.registry = registry;
        this.meters = meters;
        this.clock = clock;
    }

    /** @param spec the new container, built by {@link Replacements#replacementSpec} before this removes the old one */
    EnsureOutcome recreate(
            UserId user,
            String containerName,
            long fromVersion,
            GlobalSettings current,
            ContainerSpec spec,
            List<RuntimeFact> facts,
            StopReason why) {
        long t0 = System.nanoTime();
        registry.remove(user);
        meters.docker().called();
        spawner.remove(containerName);
        facts.add(new RuntimeFact.Stopped(clock.instant(), containerName, why, true, false));
        EnsureOutcome fresh = spawn(user, current, spec, null, false, facts);
        meters.runtimes().recreated();
        facts.add(new RuntimeFact.Recreated(
                clock.instant(),
                containerName,
                fromVersion,
                fresh.runtime().settingsVersion(),
                (System.nanoTime() - t0) / 1_000_000));
        return new EnsureOutcome(
                fresh.runtime(), fresh.cold(), fresh.createMs(), fresh.startMs(), fresh.healthMs(), facts);
    }

    EnsureOutcome spawn(
            UserId user,
            GlobalSettings current,
            ContainerSpec spec,
            UUID correlationId,
            boolean recreateStale,
            List<RuntimeFact> facts) {
        meters.spawns().pending().incrementAndGet();
        try {
            meters.docker().called();
            StartedContainer started = spawner.ensureStartedWithPermit(spec);
            // a running container adopted on an older settings version or image (a worker that gained the
            // partition, or restarted) is replaced now, as the campaign would
            Optional<StopReason> outdated = recreateStale && !started.created()
                    ? new CurrentBuild(current.version(), spec.image())
                            .outdatedBy(started.settingsVersion(), started.imageId())
                    : Optional.empty();
            if (outdated.isPresent()) {
                return recreate(
                        user, started.containerName(), started.settingsVersion(), current, spec, facts, outdated.get());
            }
            if (started.created()) {
                meters.spawns().phase("create", started.createMs());
                facts.add(new RuntimeFact.Spawned(
                        clock.instant(),
                        correlationId,
                        spec.name(),
                        started.containerId(),
                        started.settingsVersion(),
                        started.configHash(),
                        started.createMs()));
            } else {
                facts.add(new RuntimeFact.Adopted(
                        clock.instant(),
                        spec.name(),
                        started.containerId(),
                        started.settingsVersion(),
                        !started.started()));
            }
            if (started.started()) {
                meters.spawns().phase("start", started.startMs());
                facts.add(new RuntimeFact.Started(
                        clock.instant(),
                        correlationId,
                        spec.name(),
                        started.containerId(),
                        !started.created(),
                        started.startMs()));
            }
            long t0 = System.nanoTime();
            boolean wasAlreadyUp = awaitHealthy(started, facts);
            long healthMs = (System.nanoTime() - t0) / 1_000_000;
            // adopting a container that was still booting made the caller wait like a cold start
            boolean cold = started.started() || !wasAlreadyUp;
            if (started.started()) {
                meters.spawns().phase("health", healthMs);
            }
            Runtime runtime = Runtime.of(
                    user, started.containerId(), started.url(), started.settingsVersion(), started.startedAt());
            registry.put(runtime);
            return new EnsureOutcome(runtime, cold, started.createMs(), started.startMs(), healthMs, facts);
        } finally {
            meters.spawns().pending().decrementAndGet();
        }
    }

    private boolean awaitHealthy(StartedContainer started, List<RuntimeFact> facts) {
        try {
            return health.awaitHealthy(
                    started.containerName(),
                    started.url(),
                    () -> spawner.assertRunning(started.containerId(), started.containerName()));
        } catch (HealthTimeoutException e) {
            spawner.stop(started.containerId());
            facts.add(new RuntimeFact.Stopped(
                    clock.instant(), started.containerName(), StopReason.HEALTH_TIMEOUT, false, false));
            throw e;
        }
    }
}
