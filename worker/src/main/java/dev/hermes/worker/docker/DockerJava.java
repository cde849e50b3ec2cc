package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import dev.hermes.admin.DockerClients;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@link Docker} on docker-java. Docker-java's exceptions stay in here. */
public final class DockerJava implements Docker {
    private final DockerClient docker;

    public DockerJava(DockerClient docker) {
        this.docker = docker;
    }

    /** Connects with the httpclient5 transport, sized for {@code maxConnections} concurrent calls. */
    public static DockerJava connect(String dockerHost, int maxConnections) {
        return new DockerJava(DockerClients.connect(dockerHost, maxConnections));
    }

    @Override
    public List<ContainerSummary> runningManaged(String fleet) {
        return call(() -> summaries(docker.listContainersCmd()
                .withStatusFilter(List.of("running"))
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

    @Override
    public String createContainer(ContainerSpec spec, List<String> entrypoint) {
        ExposedPort agentPort = ExposedPort.tcp(spec.agentPort());
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(
                        new Bind(spec.volume(), new Volume("/opt/data")),
                        new Bind(spec.pluginsDir().toString(), new Volume("/opt/data/plugins"), AccessMode.ro))
                .withPortBindings(new PortBinding(Ports.Binding.bindIp(spec.publishHost()), agentPort))
                .withInit(true)
                .withCapDrop(Capability.ALL)
                .withCapAdd(
                        spec.limits().capAdd().stream().map(Capability::valueOf).toArray(Capability[]::new))
                .withSecurityOpts(List.of("no-new-privileges"))
                .withMemory(spec.limits().memoryBytes())
                .withMemorySwap(spec.limits().memoryBytes())
                .withNanoCPUs(spec.limits().nanoCpus())
                .withPidsLimit(spec.limits().pidsLimit())
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE,
                        Map.of(
                                "max-size",
                                spec.limits().logMaxSize(),
                                "max-file",
                                Integer.toString(spec.limits().logMaxFile()))));
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
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    @Override
    public void start(String idOrName) {
        try {
            docker.startContainerCmd(idOrName).exec();
        } catch (NotModifiedException e) {
            // already running
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
                .withEventFilter("die", "stop", "kill", "destroy", "oom")
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
                        c.getId(), c.getNames() == null ? List.of() : List.of(c.getNames()), c.getLabels()))
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
                Map.copyOf(published));
    }

    @Override
    public int countRunningManagedOfAnyFleet() {
        return call(() -> docker.listContainersCmd()
                .withStatusFilter(List.of("running"))
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
