package dev.hermes.ops.status;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.DockerHosts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker engines a fleet's runtimes live on, as the workers see them: one per entry of HERMES_DOCKER_HOSTS, or,
 * when it is empty, DOCKER_HOST as the one host {@code local}. Closing closes their clients.
 */
public final class FleetEngines implements AutoCloseable {
    private final List<Engine> engines;

    private FleetEngines(List<Engine> engines) {
        this.engines = List.copyOf(engines);
    }

    /**
     * @param dockerHosts HERMES_DOCKER_HOSTS as the workers read it (empty: one engine)
     * @param dockerHost DOCKER_HOST, the engine when there are no hosts
     * @throws dev.hermes.admin.InvalidDockerHostsException when HERMES_DOCKER_HOSTS does not parse
     */
    public static FleetEngines connect(String dockerHosts, String dockerHost, int connectionsEach) {
        List<DockerHost> hosts = DockerHosts.orLocal(DockerHosts.parse(dockerHosts), dockerHost, "127.0.0.1");
        List<Engine> engines = new ArrayList<>();
        for (DockerHost host : hosts) {
            engines.add(new Engine(host.name(), DockerClients.connect(host.endpoint(), connectionsEach)));
        }
        return new FleetEngines(engines);
    }

    public List<Engine> list() {
        return engines;
    }

    /** The engines' clients by host name, in order. */
    public Map<String, DockerClient> byName() {
        Map<String, DockerClient> clients = new LinkedHashMap<>();
        engines.forEach(engine -> clients.put(engine.name(), engine.docker()));
        return clients;
    }

    @Override
    public void close() {
        for (Engine engine : engines) {
            try {
                engine.docker().close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
