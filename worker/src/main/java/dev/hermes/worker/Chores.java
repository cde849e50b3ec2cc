package dev.hermes.worker;

import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.DockerProbe;
import dev.hermes.worker.docker.EngineListener;
import dev.hermes.worker.docker.hosts.Engines;
import dev.hermes.worker.docker.hosts.HostProbes;
import dev.hermes.worker.lifecycle.EngineCapacity;
import dev.hermes.worker.lifecycle.Freezer;
import dev.hermes.worker.lifecycle.Housekeeping;
import dev.hermes.worker.lifecycle.HttpLivenessProbe;
import dev.hermes.worker.lifecycle.LivenessChecker;
import dev.hermes.worker.lifecycle.OrphanSweeper;
import dev.hermes.worker.lifecycle.OwnedRuntimes;
import dev.hermes.worker.lifecycle.ReapPolicy;
import dev.hermes.worker.lifecycle.Reaper;
import dev.hermes.worker.lifecycle.RuntimeRecovery;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.metrics.Readiness;
import dev.hermes.worker.runtime.DockerEventWatcher;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.SettingsCache;
import dev.hermes.worker.spawn.AdaptiveLimit;
import dev.hermes.worker.spawn.RuntimeSpawner;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The part of {@link Wiring} that schedules the lifecycle chores and the PostgreSQL and Docker probes. */
final class Chores {
    private final WorkerConfig config;
    private final Clock clock;
    private final Meters meters;

    Chores(WorkerConfig config, Clock clock, Meters meters) {
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** Liveness checks, orphan sweep, idle reaper and capacity recount, in that order, on {@code housekeeping}. */
    void lifecycle(
            Housekeeping housekeeping,
            Docker docker,
            RuntimeRegistry registry,
            RuntimeRecovery recovery,
            OwnedRuntimes owned,
            RuntimeSpawner spawner,
            ActivityTracker activity,
            LifecycleAudit audit,
            Freezer freezer,
            EngineCapacity capacity) {
        LivenessChecker liveness = new LivenessChecker(
                registry,
                new HttpLivenessProbe(HttpLivenessProbe.timeoutFor(config.livenessInterval())),
                config.livenessFailures(),
                recovery::unhealthy);
        Duration livenessTick = LivenessChecker.tickPeriod(config.livenessInterval());
        housekeeping.every("liveness check", livenessTick, livenessTick, liveness::tick);
        housekeeping.every(
                "orphan sweep",
                Duration.ZERO,
                config.orphanSweepInterval(),
                new OrphanSweeper(docker, audit, meters, clock)::sweep);
        housekeeping.every(
                "idle reaper",
                config.reapInterval(),
                config.reapInterval(),
                new Reaper(
                        owned,
                        spawner,
                        activity,
                        registry,
                        audit,
                        meters,
                        clock,
                        new ReapPolicy(
                                config.idleTimeout(),
                                config.removeOnReap(),
                                // stops at once: the spawn ceiling's old default, not the ceiling itself
                                Math.min(AdaptiveLimit.INITIAL, config.maxConcurrentSpawns()),
                                config.runtimePause(),
                                config.runtimeStopAfter()),
                        freezer)::reapIdle);
        housekeeping.every("capacity recount", config.reapInterval(), config.reapInterval(), capacity::recount);
    }

    /**
     * With several Docker hosts: each host checked on one thread ({@link HostProbes}), its own outage marked. The
     * Docker probe of {@link #probes} stays: its ping answers while any host does.
     */
    void hostProbes(List<AutoCloseable> closeables, Engines engines, DockerEventWatcher watcher) {
        Housekeeping hostProbe = new Housekeeping("hermes-docker-host-probe");
        closeables.add(hostProbe);
        HostProbes probes = new HostProbes(engines, watcher::dockerUnreachable, watcher::reopen);
        hostProbe.every("Docker host probe", DockerProbe.PERIOD, DockerProbe.PERIOD, probes::run);
    }

    /** The PostgreSQL and the Docker probe, each on its own thread, added to {@code closeables}. */
    void probes(
            List<AutoCloseable> closeables,
            SettingsCache settings,
            Docker docker,
            DockerOutage dockerOutage,
            DockerEventWatcher watcher) {
        // on its own thread: while PostgreSQL is down each read waits out the pool's connection timeout
        Housekeeping postgresProbe = new Housekeeping("hermes-postgres-probe");
        closeables.add(postgresProbe);
        postgresProbe.every("PostgreSQL probe", Readiness.interval(), Readiness.interval(), settings::probe);
        Housekeeping dockerProbe = new Housekeeping("hermes-docker-probe");
        closeables.add(dockerProbe);
        DockerProbe probe = new DockerProbe(
                docker,
                EngineListener.of(config.dockerHost(), Duration.ofMillis(500)),
                dockerOutage,
                watcher::dockerUnreachable,
                watcher::reopen);
        dockerProbe.every("Docker probe", DockerProbe.PERIOD, DockerProbe.PERIOD, probe::run);
    }
}
