package dev.hermes.worker;

import dev.hermes.schemas.ApiKeys;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.KnownAccounts;
import dev.hermes.worker.settings.SettingsCache;
import dev.hermes.worker.spawn.AgentImage;
import dev.hermes.worker.spawn.CapacityGate;
import dev.hermes.worker.spawn.ContainerSpecFactory;
import dev.hermes.worker.spawn.CrashLoopGuard;
import dev.hermes.worker.spawn.EnsureGates;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.HealthProbe;
import dev.hermes.worker.spawn.Resumer;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Duration;

/** The part of {@link Wiring} that builds the {@link Ensurer}: container specs, health probe and its gates. */
final class EnsurerWiring {
    private final WorkerConfig config;

    EnsurerWiring(WorkerConfig config) {
        this.config = config;
    }

    Ensurer ensurer(
            RuntimeSpawner spawner,
            AgentImage image,
            SettingsCache settings,
            RuntimeRegistry registry,
            Meters meters,
            Clock clock,
            KnownAccounts admission,
            CapacityGate capacity,
            Docker docker) {
        ContainerSpecFactory specs = new ContainerSpecFactory(
                ApiKeys.fromSecret(config.apiKeySecret()),
                image,
                config.pluginsDir(),
                config.agentPort(),
                config.publishHost(),
                config.groupId(),
                config.extraLabels(),
                config.runtimeLimits());
        CrashLoopGuard crashLoop = new CrashLoopGuard(
                config.crashLoopAfter(), config.crashLoopBackoffMin(), config.crashLoopBackoffMax(), clock);
        meters.spawns().crashLoopFamilies(crashLoop::inBackoff);
        return new Ensurer(
                spawner,
                new HealthProbe(config.healthTimeout()),
                specs,
                settings,
                registry,
                meters,
                clock,
                new EnsureGates(
                        admission,
                        capacity,
                        crashLoop,
                        new Resumer(
                                docker, HealthProbe.forResume(resumeTimeout()), registry, settings, meters, clock)));
    }

    /** A resume that does not answer within this is abandoned for a cold start. */
    private Duration resumeTimeout() {
        Duration most = Duration.ofSeconds(10);
        return config.healthTimeout().compareTo(most) < 0 ? config.healthTimeout() : most;
    }
}
