package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.ContainerEvent;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.docker.RuntimeNetwork;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link Docker} over several engines ({@link Engines}): each per-container call goes to the family's host; lists
 * are the union over the hosts that answer; event streams are merged (one per engine). A family with no placement
 * gets the host {@link HostChoice} picks when its volume (or container) is created, and keeps it. Every container
 * and volume made here carries {@code hermes.host} and publishes its port on its host's address.
 */
public final class MultiHostDocker implements Docker {

    private final Engines engines;

    public MultiHostDocker(Engines engines) {
        this.engines = engines;
    }

    public Engines engines() {
        return engines;
    }

    @Override
    public List<ContainerSummary> runningManaged(String fleet) {
        return engines.union(docker -> docker.runningManaged(fleet));
    }

    @Override
    public List<ContainerSummary> allNamed(String namePrefix) {
        return engines.union(docker -> docker.allNamed(namePrefix));
    }

    @Override
    public Optional<ContainerInfo> inspect(String idOrName) {
        return engines.locate(idOrName).flatMap(host -> engines.call(host, d -> d.inspect(idOrName)));
    }

    @Override
    public Map<String, String> createVolume(String name, Map<String, String> labels) {
        DockerHost host = engines.placeNew(name);
        return engines.call(host.name(), d -> d.createVolume(name, withHost(labels, host)));
    }

    @Override
    public String createContainer(ContainerSpec spec, List<String> entrypoint) {
        DockerHost host = engines.placeNew(spec.name());
        ContainerSpec there = new ContainerSpec(
                spec.name(),
                spec.volume(),
                spec.image(),
                spec.pluginsDir(),
                spec.agentPort(),
                host.publishAddress(),
                withHost(spec.labels(), host),
                spec.env(),
                spec.settingsVersion(),
                spec.configHash(),
                spec.limits(),
                spec.network());
        String id = engines.call(host.name(), d -> d.createContainer(there, entrypoint));
        engines.created(id, host.name());
        return id;
    }

    /** {@code labels} and the labels that say which host a container or volume is on and where it publishes. */
    static Map<String, String> withHost(Map<String, String> labels, DockerHost host) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(ContainerSpec.LABEL_HOST, host.name());
        all.put(ContainerSpec.LABEL_PUBLISH_ADDRESS, host.publishAddress());
        return Map.copyOf(all);
    }

    @Override
    public void start(String idOrName) {
        onExisting(idOrName, d -> d.start(idOrName));
    }

    @Override
    public void stop(String idOrName, int timeoutSeconds) {
        engines.locate(idOrName)
                .ifPresent(host -> engines.call(host, d -> {
                    d.stop(idOrName, timeoutSeconds);
                    return null;
                }));
    }

    @Override
    public void pause(String idOrName) {
        onExisting(idOrName, d -> d.pause(idOrName));
    }

    @Override
    public void unpause(String idOrName) {
        onExisting(idOrName, d -> d.unpause(idOrName));
    }

    /** Runs {@code call} on the host that holds the container; Docker's "No such container" when none does. */
    private void onExisting(String idOrName, Consumer<Docker> call) {
        String host = engines.locate(idOrName)
                .orElseThrow(() -> new DockerCallFailedException("No such container: " + idOrName, null));
        engines.call(host, d -> {
            call.accept(d);
            return null;
        });
    }

    @Override
    public boolean remove(String idOrName) {
        return engines.locate(idOrName)
                .map(host -> engines.call(host, d -> d.remove(idOrName)))
                .orElse(false);
    }

    /** Answers when at least one host does; which hosts do is {@link HostOutages}'s. */
    @Override
    public void ping() {
        engines.any(docker -> {
            docker.ping();
            return null;
        });
    }

    /** Whether every host that answers runs with live-restore; each host's own is read by {@link Engines#probe}. */
    @Override
    public boolean liveRestore() {
        List<Boolean> each = engines.union(docker -> List.of(docker.liveRestore()));
        return !each.isEmpty() && !each.contains(false);
    }

    @Override
    public EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent) {
        return engines.merged(docker -> docker.containerEvents(fleet, onEvent));
    }

    @Override
    public Optional<String> imageId(String reference) {
        return engines.any(docker -> docker.imageId(reference));
    }

    /** Pulls on every host that answers. */
    @Override
    public void pull(String reference, Duration timeout) {
        engines.union(docker -> {
            docker.pull(reference, timeout);
            return List.of();
        });
    }

    @Override
    public EventStream imageEvents(Consumer<String> onAction) {
        return engines.merged(docker -> docker.imageEvents(onAction));
    }

    @Override
    public void close() {
        engines.close();
    }

    @Override
    public int countRunningManagedOfAnyFleet() {
        return engines.union(docker -> List.of(docker.countRunningManagedOfAnyFleet())).stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    @Override
    public long engineMemoryBytes() {
        return engines.union(docker -> List.of(docker.engineMemoryBytes())).stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Found or created on every host that answers (a family may go to any); the id of the first. */
    @Override
    public String fleetNetworkId(RuntimeNetwork network) {
        List<String> ids = new ArrayList<>(engines.union(docker -> List.of(docker.fleetNetworkId(network))));
        if (ids.isEmpty()) {
            throw new HostUnreachableException("no Docker host answers");
        }
        return ids.get(0);
    }
}
