package dev.hermes.worker.lifecycle;

import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.PausedRuntime;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a rebalance: the paused runtimes of the families this worker now owns (paused by the worker that owned them
 * before) go into the paused set, so that the next ensure resumes them (RuntimeResumed) and the reaper stops them after
 * RUNTIME_STOP_SEC, counted from now (when their pause began is not known here). One list, then one inspect per paused
 * runtime found (for its port). An ensure that comes first adopts the container, unpausing it.
 */
public final class PausedRestorer {
    private static final Logger log = LoggerFactory.getLogger(PausedRestorer.class);
    private final OwnedRuntimes owned;
    private final Docker docker;
    private final RuntimeRegistry registry;
    private final Meters meters;
    private final Clock clock;
    private final String publishHost;
    private final int agentPort;

    public PausedRestorer(
            OwnedRuntimes owned,
            Docker docker,
            RuntimeRegistry registry,
            Meters meters,
            Clock clock,
            String publishHost,
            int agentPort) {
        this.owned = owned;
        this.docker = docker;
        this.registry = registry;
        this.meters = meters;
        this.clock = clock;
        this.publishHost = publishHost;
        this.agentPort = agentPort;
    }

    /** Returns how many paused runtimes were restored into the paused set. */
    public int restore() {
        int restored = 0;
        for (OwnedRuntimes.Owned runtime : owned.list()) {
            if (!runtime.container().paused()
                    || registry.findPaused(runtime.user()) != null
                    || registry.find(runtime.user()) != null) {
                continue;
            }
            meters.docker().called();
            ContainerInfo info = docker.inspect(runtime.container().id()).orElse(null);
            String port = info == null ? null : info.publishedPorts().get(agentPort);
            if (info == null || !info.paused() || port == null) {
                continue;
            }
            Runtime known = Runtime.of(
                    runtime.user(),
                    info.id(),
                    "http://" + ContainerLabels.publishAddress(info.labels(), publishHost) + ":" + port,
                    ContainerLabels.settingsVersion(info.labels()),
                    startedAt(info));
            registry.restorePaused(new PausedRuntime(known, clock.instant()));
            restored++;
        }
        if (restored > 0) {
            log.info("restored {} paused runtimes of gained partitions into the paused set", restored);
        }
        return restored;
    }

    private Instant startedAt(ContainerInfo info) {
        try {
            return info.startedAt() == null ? clock.instant() : Instant.parse(info.startedAt());
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
