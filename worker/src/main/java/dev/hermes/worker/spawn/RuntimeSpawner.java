package dev.hermes.worker.spawn;

import dev.hermes.worker.docker.ContainerLabels;

import dev.hermes.worker.docker.ContainerSpec;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The Docker side of a spawn: find, create, start, adopt, stop and remove a family's container. One
 * container per name is Docker's own guarantee, so two workers racing for a user end up sharing one.
 */
public final class RuntimeSpawner {
    private final DockerClient docker;
    private final Clock clock;

    public RuntimeSpawner(DockerClient docker, Clock clock) {
        this.docker = docker;
        this.clock = clock;
    }

    public Optional<InspectContainerResponse> inspect(String containerName) {
        try {
            return Optional.of(docker.inspectContainerCmd(containerName).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
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
            } catch (ConflictException e) {
                Optional<InspectContainerResponse> existing = inspect(spec.name());
                if (existing.isEmpty()) {
                    continue; // removed between our create and inspect: create again
                }
                if (isStale(existing.get(), spec) && !isRunning(existing.get())) {
                    // a stopped container keeps the env it was created with; recreate it to boot today's seed
                    remove(spec.name());
                    continue;
                }
                return adopt(existing.get(), spec);
            }
            long createMs = millisSince(t0);
            long t1 = System.nanoTime();
            start(id, spec.name());
            long startMs = millisSince(t1);
            return new StartedContainer(id, spec.name(), urlOf(docker.inspectContainerCmd(id).exec(), spec),
                    spec.settingsVersion(), spec.configHash(), true, true, createMs, startMs, clock.instant());
        }
        throw new SpawnFailedException("container " + spec.name() + " kept appearing and disappearing while it was "
                + "being created; giving up after 3 attempts");
    }

    private StartedContainer adopt(InspectContainerResponse container, ContainerSpec spec) {
        Map<String, String> labels = container.getConfig().getLabels();
        if (labels == null || !"true".equals(labels.get(ContainerSpec.LABEL_MANAGED))) {
            throw new SpawnFailedException("a container named " + spec.name() + " exists but is not managed by hermes "
                    + "(no label " + ContainerSpec.LABEL_MANAGED + "=true); refusing to adopt it");
        }
        long version = ContainerLabels.settingsVersion(labels);
        String hash = labels.getOrDefault(ContainerSpec.LABEL_CONFIG_HASH, "");
        boolean started = false;
        long startMs = 0;
        InspectContainerResponse running = container;
        if (!isRunning(container)) {
            long t0 = System.nanoTime();
            start(container.getId(), spec.name());
            startMs = millisSince(t0);
            started = true;
            running = docker.inspectContainerCmd(container.getId()).exec();
        }
        Instant startedAt = parseInstant(running.getState().getStartedAt());
        return new StartedContainer(container.getId(), spec.name(), urlOf(running, spec), version, hash, false,
                started, 0, startMs, startedAt);
    }

    private String create(ContainerSpec spec) {
        Map<String, String> volumeLabels = new java.util.HashMap<>(spec.labels());
        volumeLabels.keySet().removeAll(java.util.Set.of(ContainerSpec.LABEL_SETTINGS_VERSION,
                ContainerSpec.LABEL_CONFIG_HASH));
        docker.createVolumeCmd().withName(spec.volume()).withLabels(volumeLabels).exec();
        ExposedPort agentPort = ExposedPort.tcp(spec.agentPort());
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(new Bind(spec.volume(), new Volume("/opt/data")),
                        new Bind(spec.pluginsDir().toString(), new Volume("/opt/data/plugins"), AccessMode.ro))
                .withPortBindings(new PortBinding(Ports.Binding.bindIp(spec.publishHost()), agentPort))
                .withInit(true);
        try {
            return docker.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withEnv(spec.env())
                    .withEntrypoint("/bin/sh", "-c", SeedScript.SCRIPT)
                    .withExposedPorts(agentPort)
                    .withHostConfig(host)
                    .exec().getId();
        } catch (ConflictException e) {
            throw e;
        } catch (DockerException e) {
            throw new SpawnFailedException("docker refused to create " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    private void start(String containerId, String name) {
        try {
            docker.startContainerCmd(containerId).exec();
        } catch (NotModifiedException e) {
            // already running: someone started it between our inspect and this call
        } catch (DockerException e) {
            throw new SpawnFailedException("docker refused to start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops within about a second: the container runs under an init that forwards SIGTERM. */
    public void stop(String containerIdOrName) {
        try {
            docker.stopContainerCmd(containerIdOrName).withTimeout(2).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        }
    }

    public void remove(String containerIdOrName) {
        try {
            docker.removeContainerCmd(containerIdOrName).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** Throws {@link ContainerExitedException} if the container is no longer running. */
    public boolean assertRunning(String containerId, String name) {
        InspectContainerResponse container = inspect(containerId).orElseThrow(
                () -> new SpawnFailedException("container " + name + " disappeared while starting"));
        if (!isRunning(container)) {
            throw new ContainerExitedException(name, container.getState().getExitCodeLong());
        }
        return true;
    }

    private String urlOf(InspectContainerResponse container, ContainerSpec spec) {
        Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings()
                .get(ExposedPort.tcp(spec.agentPort()));
        if (bindings == null || bindings.length == 0) {
            throw new SpawnFailedException("container " + spec.name() + " has no published port for "
                    + spec.agentPort() + "/tcp");
        }
        return "http://" + spec.publishHost() + ":" + bindings[0].getHostPortSpec();
    }

    private static boolean isRunning(InspectContainerResponse container) {
        return Boolean.TRUE.equals(container.getState().getRunning());
    }

    private static boolean isStale(InspectContainerResponse container, ContainerSpec spec) {
        Map<String, String> labels = container.getConfig().getLabels();
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
