package dev.hermes.worker.spawn;

import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerNameTakenException;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.docker.RuntimeNetworkGoneException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker side of a spawn: find, create, start, adopt, stop and remove a family's container. One
 * container per name is Docker's own guarantee, so two workers racing for a user end up sharing one.
 * Creates and starts go through a {@link SpawnGate}: at most its limit at once.
 */
public final class RuntimeSpawner {
    private static final List<String> ENTRYPOINT = SeedScript.ENTRYPOINT;
    private final Docker docker;
    private final Clock clock;
    private final SpawnGate gate;

    /** @param gate how many creates or starts run at once ({@link SpawnGate#fixed} for a constant bound) */
    public RuntimeSpawner(Docker docker, Clock clock, SpawnGate gate) {
        this.docker = docker;
        this.clock = clock;
        this.gate = gate;
    }

    public SpawnGate gate() {
        return gate;
    }

    public Optional<ContainerInfo> inspect(String containerIdOrName) {
        return docker.inspect(containerIdOrName);
    }

    /** The fleet network's id, found or created: asked before a recreate removes anything. */
    public String fleetNetwork(ContainerSpec spec) {
        return docker.fleetNetworkId(spec.network());
    }

    /** {@link #ensureStarted} once a spawn slot is free. */
    public StartedContainer ensureStartedWithPermit(ContainerSpec spec) {
        SpawnGate.Permit permit;
        try {
            permit = gate.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpawnFailedException("interrupted while waiting for a spawn slot for " + spec.name(), e);
        }
        StartedContainer started = null;
        try {
            started = ensureStarted(spec);
            return started;
        } finally {
            // the engine's own time for a create and start; an adopted running container or a failure says nothing
            gate.exit(
                    permit,
                    started != null && started.started() ? (started.createMs() + started.startMs()) * 1_000_000 : -1);
        }
    }

    /**
     * Makes sure a container built from {@code spec} is running: creates it, or, when the name is taken,
     * adopts the existing one (starting it if stopped). Create comes first because a new family is the
     * common case on this path, and a name conflict costs Docker no more than the inspect it replaces.
     */
    public StartedContainer ensureStarted(ContainerSpec spec) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            long t0 = System.nanoTime();
            String id;
            try {
                id = create(spec);
            } catch (ContainerNameTakenException e) {
                Optional<ContainerInfo> existing = inspect(spec.name());
                if (existing.isEmpty()) {
                    continue; // removed between our create and inspect: create again
                }
                requireManaged(existing.get(), spec);
                requireOwnFleet(existing.get(), spec);
                if (isStale(existing.get(), spec) && !existing.get().running()) {
                    // a stopped container keeps the env it was created with; recreate it to boot today's seed
                    remove(spec.name());
                    continue;
                }
                try {
                    return adopt(existing.get(), spec);
                } catch (RuntimeNetworkGoneException gone) {
                    remove(spec.name()); // stopped on a network since removed: create it again (the volume stays)
                    continue;
                }
            }
            long createMs = millisSince(t0);
            long t1 = System.nanoTime();
            try {
                start(id, spec.name());
            } catch (RuntimeNetworkGoneException e) {
                remove(spec.name()); // the network went between resolve and start: create it again
                continue;
            }
            long startMs = millisSince(t1);
            return new StartedContainer(
                    id,
                    spec.name(),
                    urlOf(inspectExisting(id, spec), spec),
                    spec.settingsVersion(),
                    spec.configHash(),
                    true,
                    true,
                    createMs,
                    startMs,
                    clock.instant(),
                    spec.image());
        }
        throw new SpawnFailedException("container " + spec.name() + " kept appearing and disappearing while it was "
                + "being created; giving up after 3 attempts");
    }

    private static void requireManaged(ContainerInfo container, ContainerSpec spec) {
        if (!ContainerLabels.managed(container.labels())) {
            throw new SpawnFailedException("a container named " + spec.name() + " exists but is not managed by hermes "
                    + "(no label " + ContainerSpec.LABEL_MANAGED + "=true); refusing to adopt it");
        }
    }

    /**
     * A managed container of another fleet, or of none (we cannot tell whose it is), is never adopted, recreated or
     * started: checked before anything else touches it.
     */
    private static void requireOwnFleet(ContainerInfo container, ContainerSpec spec) {
        String theirs = ContainerLabels.fleet(container.labels());
        String ours = ContainerLabels.fleet(spec.labels());
        if (!java.util.Objects.equals(ours, theirs)) {
            throw new FleetConflictException("container", spec.name(), ours, theirs);
        }
    }

    /** Whether {@code container} carries this fleet's label: everything else on the engine is left alone. */
    public static boolean ofFleet(ContainerInfo container, String fleet) {
        return fleet.equals(ContainerLabels.fleet(container.labels()));
    }

    private StartedContainer adopt(ContainerInfo container, ContainerSpec spec) {
        Map<String, String> labels = container.labels();
        long version = ContainerLabels.settingsVersion(labels);
        String hash = labels.getOrDefault(ContainerSpec.LABEL_CONFIG_HASH, "");
        boolean started = false;
        long startMs = 0;
        ContainerInfo running = container;
        if (container.paused()) {
            docker.unpause(container.id()); // paused (tiered idle) where no one knew it: thawed, then health-checked
        }
        if (!container.running()) {
            long t0 = System.nanoTime();
            start(container.id(), spec.name());
            startMs = millisSince(t0);
            started = true;
            running = inspectExisting(container.id(), spec);
        }
        Instant startedAt = parseInstant(running.startedAt());
        return new StartedContainer(
                container.id(),
                spec.name(),
                urlOf(running, spec),
                version,
                hash,
                false,
                started,
                0,
                startMs,
                startedAt,
                CurrentBuild.imageOf(labels, container.imageId()));
    }

    private String create(ContainerSpec spec) {
        Map<String, String> volumeLabels = new java.util.HashMap<>(spec.labels());
        volumeLabels
                .keySet()
                .removeAll(java.util.Set.of(
                        ContainerSpec.LABEL_SETTINGS_VERSION,
                        ContainerSpec.LABEL_CONFIG_HASH,
                        ContainerSpec.LABEL_IMAGE_ID));
        Map<String, String> volumeNow = docker.createVolume(spec.volume(), volumeLabels);
        // a volume with no fleet label predates fleets (or an operator made it) and is used; another fleet's is not
        String volumeFleet = ContainerLabels.fleet(volumeNow);
        String ours = ContainerLabels.fleet(spec.labels());
        if (volumeFleet != null && !volumeFleet.equals(ours)) {
            throw new FleetConflictException("volume", spec.volume(), ours, volumeFleet);
        }
        try {
            return docker.createContainer(spec, ENTRYPOINT);
        } catch (ContainerNameTakenException e) {
            throw e;
        } catch (DockerCallFailedException e) {
            throw new SpawnFailedException("docker refused to create " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private void start(String containerId, String name) {
        try {
            docker.start(containerId);
        } catch (RuntimeNetworkGoneException e) {
            throw e;
        } catch (DockerCallFailedException e) {
            throw new SpawnFailedException("docker refused to start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops within about a second: the container runs under an init that forwards SIGTERM. */
    public void stop(String containerIdOrName) {
        docker.stop(containerIdOrName, 2);
    }

    public void remove(String containerIdOrName) {
        docker.remove(containerIdOrName);
    }

    /** Throws {@link ContainerExitedException} if the container is no longer running. */
    public boolean assertRunning(String containerId, String name) {
        ContainerInfo container = inspect(containerId)
                .orElseThrow(() -> new SpawnFailedException("container " + name + " disappeared while starting"));
        if (!container.running()) {
            throw new ContainerExitedException(name, container.exitCode());
        }
        return true;
    }

    private ContainerInfo inspectExisting(String containerId, ContainerSpec spec) {
        return inspect(containerId)
                .orElseThrow(
                        () -> new SpawnFailedException("container " + spec.name() + " disappeared while starting"));
    }

    private static String urlOf(ContainerInfo container, ContainerSpec spec) {
        String hostPort = container.publishedPorts().get(spec.agentPort());
        if (hostPort == null) {
            throw new SpawnFailedException(
                    "container " + spec.name() + " has no published port for " + spec.agentPort() + "/tcp");
        }
        return "http://" + ContainerLabels.publishAddress(container.labels(), spec.publishHost()) + ":" + hostPort;
    }

    private static boolean isStale(ContainerInfo container, ContainerSpec spec) {
        Map<String, String> labels = container.labels();
        return labels != null && !spec.configHash().equals(labels.get(ContainerSpec.LABEL_CONFIG_HASH));
    }

    private Instant parseInstant(String dockerTime) {
        try {
            return dockerTime == null ? clock.instant() : Instant.parse(dockerTime);
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
