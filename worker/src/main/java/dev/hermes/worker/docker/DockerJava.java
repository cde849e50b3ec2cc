package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.hermes.admin.DockerClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link Docker} on docker-java. Docker-java's exceptions stay in here. */
public final class DockerJava implements Docker {
    private final DockerClient docker;
    private final Clock clock;
    /** The fleet network's id, resolved once per worker (a worker has one fleet, so one entry). */
    private final Map<RuntimeNetwork, FleetNetwork> networks = new ConcurrentHashMap<>();

    private final DockerPauses pauses;

    public DockerJava(DockerClient docker, Clock clock) {
        this.docker = docker;
        this.clock = clock;
        this.pauses = new DockerPauses(docker);
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
        return call(() -> summaries(docker.listContainersCmd()
                .withStatusFilter(DockerPauses.RUNNING_OR_PAUSED)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_MANAGED, "true", ContainerSpec.LABEL_FLEET, fleet))
                .exec()));
    }

    @Override
    public List<ContainerSummary> allNamed(String namePrefix) {
        return call(() -> summaries(docker.listContainersCmd()
                .withShowAll(true)
                .withNameFilter(List.of(namePrefix))
                .exec()));
    }

    @Override
    public Optional<ContainerInfo> inspect(String idOrName) {
        try {
            return Optional.of(info(docker.inspectContainerCmd(idOrName).exec()));
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
        return call(() -> networks.computeIfAbsent(
                        network, n -> new FleetNetwork(docker, n, clock, FleetNetwork.SETTLE))
                .id());
    }

    @Override
    public String createContainer(ContainerSpec spec, List<String> entrypoint) {
        FleetNetwork network =
                networks.computeIfAbsent(spec.network(), n -> new FleetNetwork(docker, n, clock, FleetNetwork.SETTLE));
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
            if (call(() -> networkGoneOf(idOrName))) {
                throw new RuntimeNetworkGoneException(e.getMessage(), e);
            }
            throw new DockerCallFailedException(e.getMessage(), e);
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    /** Whether the container exists and the network it was created on does not (forgotten by its resolver, if ours). */
    private boolean networkGoneOf(String idOrName) {
        String networkMode;
        try {
            HostConfig host = docker.inspectContainerCmd(idOrName).exec().getHostConfig();
            networkMode = host == null ? null : host.getNetworkMode();
        } catch (NotFoundException e) {
            return false;
        }
        if (networkMode == null || networkMode.isEmpty() || networkMode.equals("default")) {
            return false;
        }
        try {
            docker.inspectNetworkCmd().withNetworkId(networkMode).exec();
            return false;
        } catch (NotFoundException e) {
            networks.values().forEach(network -> network.gone(networkMode));
            return true;
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
    public EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                Map<String, String> attributes =
                        event.getActor() == null ? null : event.getActor().getAttributes();
                onEvent.accept(new ContainerEvent(event.getId(), event.getAction(), attributes));
            }
        };
        docker.eventsCmd()
                .withLabelFilter(ContainerSpec.LABEL_MANAGED + "=true", ContainerSpec.LABEL_FLEET + "=" + fleet)
                .withEventTypeFilter("container")
                .withEventFilter("die", "stop", "kill", "destroy", "oom", "pause", "unpause")
                .exec(callback);
        return new EventStream() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                callback.awaitCompletion();
            }

            @Override
            public void close() {
                try {
                    callback.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        };
    }

    private static EventStream streamOf(ResultCallback.Adapter<Event> callback) {
        return new EventStream() {
            @Override
            public void awaitCompletion() throws InterruptedException {
                callback.awaitCompletion();
            }

            @Override
            public void close() {
                closeQuietly(callback);
            }
        };
    }

    private static void closeQuietly(java.io.Closeable callback) {
        if (callback == null) {
            return;
        }
        try {
            callback.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public Optional<String> imageId(String reference) {
        try {
            return Optional.ofNullable(docker.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void pull(String reference, Duration timeout) {
        PullImageResultCallback pull = null;
        try {
            pull = docker.pullImageCmd(ImageReferences.withTag(reference)).exec(new PullImageResultCallback());
            if (!pull.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DockerCallFailedException(
                        "pull of " + reference + " did not finish within " + timeout.toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DockerCallFailedException("interrupted while pulling " + reference, e);
        } catch (DockerCallFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // a refusal comes as DockerException, an error in the pull's progress stream as DockerClientException
            throw new DockerCallFailedException("pull of " + reference + " failed: " + e.getMessage(), e);
        } finally {
            closeQuietly(pull);
        }
    }

    @Override
    public EventStream imageEvents(Consumer<String> onAction) {
        ResultCallback.Adapter<Event> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Event event) {
                onAction.accept(event.getAction());
            }
        };
        docker.eventsCmd()
                .withEventTypeFilter("image")
                .withEventFilter("tag", "untag", "load", "import", "pull", "delete")
                .exec(callback);
        return streamOf(callback);
    }

    @Override
    public void close() {
        try {
            docker.close();
        } catch (IOException e) {
            throw new DockerCallFailedException("closing the docker client: " + e.getMessage(), e);
        }
    }

    private static List<ContainerSummary> summaries(List<Container> containers) {
        return containers.stream()
                .map(c -> new ContainerSummary(
                        c.getId(),
                        c.getNames() == null ? List.of() : List.of(c.getNames()),
                        c.getLabels(),
                        c.getImageId(),
                        DockerPauses.PAUSED.equals(c.getState())))
                .toList();
    }

    private static ContainerInfo info(InspectContainerResponse c) {
        Map<Integer, String> published = new HashMap<>();
        if (c.getNetworkSettings() != null && c.getNetworkSettings().getPorts() != null) {
            c.getNetworkSettings().getPorts().getBindings().forEach((port, bindings) -> {
                if (port.getProtocol() == InternetProtocol.TCP && bindings != null && bindings.length > 0) {
                    published.put(port.getPort(), bindings[0].getHostPortSpec());
                }
            });
        }
        InspectContainerResponse.ContainerState state = c.getState();
        return new ContainerInfo(
                c.getId(),
                c.getName(),
                state != null && Boolean.TRUE.equals(state.getRunning()),
                state == null ? null : state.getExitCodeLong(),
                c.getConfig() == null ? null : c.getConfig().getLabels(),
                state == null ? null : state.getStartedAt(),
                Map.copyOf(published),
                c.getImageId(),
                state != null && Boolean.TRUE.equals(state.getPaused()));
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
