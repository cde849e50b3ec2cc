package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import dev.hermes.admin.DockerClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link Docker} on docker-java. Docker-java's exceptions stay in here. */
public final class DockerJava implements Docker {
    private final DockerClient docker;
    private final DockerNetworks networks;
    private final DockerPauses pauses;
    private final DockerImages images;
    private final DockerEventStreams events;
    private final DockerArchives archives;

    public DockerJava(DockerClient docker, Clock clock) {
        this.docker = docker;
        this.networks = new DockerNetworks(docker, clock);
        this.pauses = new DockerPauses(docker);
        this.images = new DockerImages(docker);
        this.events = new DockerEventStreams(docker);
        this.archives = new DockerArchives(docker);
    }

    /** Connects with the httpclient5 transport, sized for {@code maxConnections} concurrent calls. */
    public static DockerJava connect(String dockerHost, int maxConnections, Clock clock) {
        return new DockerJava(DockerClients.connect(dockerHost, maxConnections), clock);
    }

    /** {@link #connect(String, int, Clock)} on the system clock. */
    public static DockerJava connect(String dockerHost, int maxConnections) {
        return connect(dockerHost, maxConnections, Clock.systemUTC());
    }

    @Override
    public List<ContainerSummary> runningManaged(String fleet) {
        return call(() -> DockerViews.summaries(docker.listContainersCmd()
                .withStatusFilter(DockerPauses.RUNNING_OR_PAUSED)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_MANAGED, "true", ContainerSpec.LABEL_FLEET, fleet))
                .exec()));
    }

    @Override
    public List<ContainerSummary> allNamed(String namePrefix) {
        return call(() -> DockerViews.summaries(docker.listContainersCmd()
                .withShowAll(true)
                .withNameFilter(List.of(namePrefix))
                .exec()));
    }

    @Override
    public List<String> volumesNamed(String namePrefix) {
        return archives.volumes(namePrefix).stream().map(VolumeSummary::name).toList();
    }

    @Override
    public List<VolumeSummary> volumes(String namePrefix) {
        return archives.volumes(namePrefix);
    }

    @Override
    public boolean removeVolume(String name) {
        return archives.removeVolume(name);
    }

    @Override
    public String createCarrier(CarrierSpec spec) {
        return archives.createCarrier(spec);
    }

    @Override
    public java.io.InputStream archiveOf(String container, String path) {
        return archives.archiveOf(container, path);
    }

    @Override
    public void extract(String container, String directory, java.io.InputStream tar) {
        archives.extract(container, directory, tar);
    }

    @Override
    public Optional<ContainerInfo> inspect(String idOrName) {
        try {
            return Optional.of(
                    DockerViews.info(docker.inspectContainerCmd(idOrName).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> createVolume(String name, Map<String, String> labels) {
        try {
            Map<String, String> now = docker.createVolumeCmd()
                    .withName(name)
                    .withLabels(labels)
                    .exec()
                    .getLabels();
            return now == null ? Map.of() : now;
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    /**
     * Attaches the container to the fleet's network by id, never by name (the name may be ambiguous); if Docker says
     * that network is gone, resolves it again and retries once.
     */
    @Override
    public String fleetNetworkId(RuntimeNetwork network) {
        return call(() -> networks.of(network).id());
    }

    @Override
    public String createContainer(ContainerSpec spec, List<String> entrypoint) {
        FleetNetwork network = networks.of(spec.network());
        String networkId = network.id();
        try {
            return createOn(networkId, spec, entrypoint);
        } catch (NotFoundException e) {
            if (!call(() -> network.gone(networkId))) {
                throw new DockerCallFailedException(e.getMessage(), e);
            }
        }
        try {
            return createOn(network.id(), spec, entrypoint);
        } catch (NotFoundException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    /** @throws NotFoundException as Docker's own, when the image or the network is missing */
    private String createOn(String networkId, ContainerSpec spec, List<String> entrypoint) {
        ExposedPort agentPort = RuntimeHostConfig.agentPort(spec);
        HostConfig host = RuntimeHostConfig.of(spec, networkId);
        try {
            return docker.createContainerCmd(spec.image())
                    .withName(spec.name())
                    .withLabels(spec.labels())
                    .withEnv(spec.env())
                    .withEntrypoint(entrypoint)
                    .withExposedPorts(agentPort)
                    .withHostConfig(host)
                    .exec()
                    .getId();
        } catch (ConflictException e) {
            throw new ContainerNameTakenException(e.getMessage(), e);
        } catch (NotFoundException e) {
            throw e;
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    /**
     * @throws RuntimeNetworkGoneException when Docker refuses because the fleet network it was created on is gone
     *     (Docker 20.10 checks the network at start, not at create)
     */
    @Override
    public void start(String idOrName) {
        try {
            docker.startContainerCmd(idOrName).exec();
        } catch (NotModifiedException e) {
            // already running
        } catch (NotFoundException e) {
            if (call(() -> networks.networkGoneOf(idOrName))) {
                throw new RuntimeNetworkGoneException(e.getMessage(), e);
            }
            throw new DockerCallFailedException(e.getMessage(), e);
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void stop(String idOrName, int timeoutSeconds) {
        try {
            docker.stopContainerCmd(idOrName).withTimeout(timeoutSeconds).exec();
        } catch (NotModifiedException | NotFoundException e) {
            // already stopped or gone
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void pause(String idOrName) {
        pauses.pause(idOrName);
    }

    @Override
    public void unpause(String idOrName) {
        pauses.unpause(idOrName);
    }

    @Override
    public boolean remove(String idOrName) {
        try {
            docker.removeContainerCmd(idOrName).withForce(true).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void ping() {
        run(() -> docker.pingCmd().exec());
    }

    @Override
    public boolean liveRestore() {
        return Boolean.TRUE.equals(
                call(() -> docker.infoCmd().exec().getRawValues().get("LiveRestoreEnabled")));
    }

    @Override
    public EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        return events.containerEvents(fleet, onEvent);
    }

    @Override
    public Optional<String> imageId(String reference) {
        return images.imageId(reference);
    }

    @Override
    public void pull(String reference, Duration timeout) {
        images.pull(reference, timeout);
    }

    @Override
    public EventStream imageEvents(Consumer<String> onAction) {
        return events.imageEvents(onAction);
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            throw new DockerCallFailedException("closing the docker client: " + e.getMessage(), e);
        }
    }

    @Override
    public int countRunningManagedOfAnyFleet() {
        return call(() -> docker.listContainersCmd()
                .withStatusFilter(DockerPauses.RUNNING_OR_PAUSED)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_MANAGED, "true"))
                .exec()
                .size());
    }

    @Override
    public long engineMemoryBytes() {
        Long memTotal = call(() -> docker.infoCmd().exec().getMemTotal());
        if (memTotal == null || memTotal <= 0) {
            throw new DockerCallFailedException("docker info reported no MemTotal", null);
        }
        return memTotal;
    }

    private static <T> T call(Supplier<T> dockerCall) {
        try {
            return dockerCall.get();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    private static void run(Runnable dockerCall) {
        try {
            dockerCall.run();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }
}
