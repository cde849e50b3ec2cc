package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The fleet networks {@link DockerJava} creates containers on, resolved by id. Docker-java's exceptions pass through. */
final class DockerNetworks {
    private final DockerClient docker;
    private final Clock clock;
    /** The fleet network's id, resolved once per worker (a worker has one fleet, so one entry). */
    private final Map<RuntimeNetwork, FleetNetwork> networks = new ConcurrentHashMap<>();

    DockerNetworks(DockerClient docker, Clock clock) {
        this.docker = docker;
        this.clock = clock;
    }

    /** The resolver of this fleet network, created on first use. */
    FleetNetwork of(RuntimeNetwork network) {
        return networks.computeIfAbsent(network, n -> new FleetNetwork(docker, n, clock, FleetNetwork.SETTLE));
    }

    /** Whether the container exists and the network it was created on does not (forgotten by its resolver, if ours). */
    boolean networkGoneOf(String idOrName) {
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
}
