package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.DockerHosts;
import dev.hermes.admin.InvalidDockerHostsException;
import dev.hermes.ops.cli.CliEnv;
import dev.hermes.ops.status.Engine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack's Docker engines as its workers see them: one per entry of HERMES_DOCKER_HOSTS, or DOCKER_HOST alone.
 * The engine that is DOCKER_HOST shares the stack's client; each other one gets a client of its own, closed here.
 */
public final class BenchEngines implements AutoCloseable {
    static final String SETTING = "HERMES_DOCKER_HOSTS";
    private final List<DockerHost> configured;
    private final String invalid;
    private final List<Engine> engines = new ArrayList<>();
    private final List<DockerClient> others = new ArrayList<>();

    public BenchEngines(CliEnv env, DockerClient stackDocker) {
        List<DockerHost> hosts = List.of();
        String problem = null;
        try {
            hosts = DockerHosts.parse(env.get(SETTING, ""));
        } catch (InvalidDockerHostsException e) {
            problem = e.getMessage();
        }
        this.configured = hosts;
        this.invalid = problem;
        for (DockerHost host : DockerHosts.orLocal(hosts, env.dockerHost(), "127.0.0.1")) {
            DockerClient docker = stackDocker;
            if (!host.endpoint().equals(env.dockerHost())) {
                docker = DockerClients.connect(host.endpoint(), 40);
                others.add(docker);
            }
            engines.add(new Engine(host.name(), docker));
        }
    }

    /** The hosts HERMES_DOCKER_HOSTS lists: empty when it is unset (or does not parse, see {@link #invalid()}). */
    public List<DockerHost> configured() {
        return configured;
    }

    /** Why HERMES_DOCKER_HOSTS does not parse, or null. */
    public String invalid() {
        return invalid;
    }

    /** Every engine, by host name, to list the fleet's containers with their hermes.host label. */
    public List<Engine> engines() {
        return engines;
    }

    /** The clients of the engines that are not DOCKER_HOST, where bench families may live too. */
    public List<DockerClient> others() {
        return List.copyOf(others);
    }

    @Override
    public void close() {
        for (DockerClient docker : others) {
            try {
                docker.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
