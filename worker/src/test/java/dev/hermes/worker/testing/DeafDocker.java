package dev.hermes.worker.testing;

import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.docker.RuntimeNetwork;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The real Docker client, whose container event stream a test can cut: {@link #deafen()} ends the open stream and
 * makes reopening it fail (as while dockerd restarts), so every event until {@link #hear()} is lost for good.
 */
public final class DeafDocker implements Docker {
    private final Docker docker;
    private volatile boolean deaf;
    private volatile EventStream open;

    public DeafDocker(Docker docker) {
        this.docker = docker;
    }

    public void deafen() {
        deaf = true;
        EventStream stream = open;
        if (stream != null) {
            stream.close();
        }
    }

    public void hear() {
        deaf = false;
    }

    @Override
    public EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        if (deaf) {
            throw new DockerCallFailedException("events: cut by the test", null);
        }
        EventStream stream = docker.containerEvents(fleet, onEvent);
        open = stream;
        return stream;
    }

    @Override
    public List<ContainerSummary> runningManaged(String fleet) {
        return docker.runningManaged(fleet);
    }

    @Override
    public List<ContainerSummary> allNamed(String namePrefix) {
        return docker.allNamed(namePrefix);
    }

    @Override
    public Optional<ContainerInfo> inspect(String idOrName) {
        return docker.inspect(idOrName);
    }

    @Override
    public Map<String, String> createVolume(String name, Map<String, String> labels) {
        return docker.createVolume(name, labels);
    }

    @Override
    public String createContainer(ContainerSpec spec, List<String> entrypoint) {
        return docker.createContainer(spec, entrypoint);
    }

    @Override
    public void start(String idOrName) {
        docker.start(idOrName);
    }

    @Override
    public void stop(String idOrName, int timeoutSeconds) {
        docker.stop(idOrName, timeoutSeconds);
    }

    @Override
    public void pause(String idOrName) {
        docker.pause(idOrName);
    }

    @Override
    public void unpause(String idOrName) {
        docker.unpause(idOrName);
    }

    @Override
    public boolean remove(String idOrName) {
        return docker.remove(idOrName);
    }

    @Override
    public void ping() {
        docker.ping();
    }

    @Override
    public boolean liveRestore() {
        return docker.liveRestore();
    }

    @Override
    public Optional<String> imageId(String reference) {
        return docker.imageId(reference);
    }

    @Override
    public void pull(String reference, Duration timeout) {
        docker.pull(reference, timeout);
    }

    @Override
    public EventStream imageEvents(Consumer<String> onAction) {
        return docker.imageEvents(onAction);
    }

    @Override
    public void close() {
        docker.close();
    }

    @Override
    public int countRunningManagedOfAnyFleet() {
        return docker.countRunningManagedOfAnyFleet();
    }

    @Override
    public long engineMemoryBytes() {
        return docker.engineMemoryBytes();
    }

    @Override
    public String fleetNetworkId(RuntimeNetwork network) {
        return docker.fleetNetworkId(network);
    }
}
