package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import dev.hermes.admin.Account;
import dev.hermes.admin.GlobalSettings;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.docker.FleetNetwork;
import dev.hermes.worker.docker.RuntimeHostConfig;
import dev.hermes.worker.spawn.ContainerSpecFactory;
import dev.hermes.worker.spawn.SeedScript;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw baseline: the Docker API calls a spawn needs and nothing else. The container is the
 * worker's own spec (ContainerSpecFactory: same image, env, seed entrypoint, volume at /opt/data,
 * plugins read-only, 8642 published on 127.0.0.1, init, and the same least-privilege limits through
 * RuntimeHostConfig), created the way RuntimeSpawner creates it:
 * volume + create + start + inspect, then /health polled every 5 ms. Named hermes-bench-raw-<hex> and
 * labelled hermes.bench=raw (no hermes.managed), so no worker ever touches it. It joins a network like the
 * worker's (bridge, inter-container traffic off, by id: {@code hermes-hermes-bench-raw}), resolved before any
 * timing starts, so the baseline attaches to a user-defined bridge as the system does.
 */
public final class RawSpawner {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private final DockerClient docker;
    private final ContainerSpecFactory specs;
    private final GlobalSettings settings;
    private final Janitor janitor;
    private final String runId;
    private final HealthPoller health = new HealthPoller();
    private final SpawnPhases phases = new SpawnPhases();
    private FleetNetwork network;

    public RawSpawner(
            DockerClient docker, ContainerSpecFactory specs, GlobalSettings settings, Janitor janitor, String runId) {
        this.docker = docker;
        this.specs = specs;
        this.settings = settings;
        this.janitor = janitor;
        this.runId = runId;
    }

    /** A raw container's spec, built before any timing starts. */
    public ContainerSpec newSpec() {
        UserId user = UserId.random();
        ContainerSpec spec = specs.specFor(user, settings, Account.unknown(user));
        networkId(spec);
        Map<String, String> labels = new LinkedHashMap<>(spec.labels());
        labels.remove(ContainerSpec.LABEL_MANAGED);
        labels.remove(ContainerSpec.LABEL_FLEET);
        labels.put(Janitor.LABEL_BENCH, "raw");
        labels.put(Janitor.LABEL_RUN, runId);
        String name = "hermes-bench-raw-" + user.hex();
        return new ContainerSpec(
                name,
                name + "-data",
                spec.image(),
                spec.pluginsDir(),
                spec.agentPort(),
                spec.publishHost(),
                Map.copyOf(labels),
                spec.env(),
                spec.settingsVersion(),
                spec.configHash(),
                spec.limits(),
                spec.network());
    }

    /** volume + create + start + inspect, then health; returns the runtime's base URL. */
    public String spawn(ContainerSpec spec) {
        janitor.rawContainer(spec.name());
        long t0 = System.nanoTime();
        docker.createVolumeCmd()
                .withName(spec.volume())
                .withLabels(Map.of(Janitor.LABEL_BENCH, "raw", Janitor.LABEL_RUN, runId))
                .exec();
        ExposedPort agentPort = RuntimeHostConfig.agentPort(spec);
        HostConfig host = RuntimeHostConfig.of(spec, networkId(spec));
        String id = docker.createContainerCmd(spec.image())
                .withName(spec.name())
                .withLabels(spec.labels())
                .withEnv(spec.env())
                .withEntrypoint(SeedScript.ENTRYPOINT)
                .withExposedPorts(agentPort)
                .withHostConfig(host)
                .exec()
                .getId();
        long t1 = System.nanoTime();
        docker.startContainerCmd(id).exec();
        InspectContainerResponse inspected = docker.inspectContainerCmd(id).exec();
        Ports.Binding[] bindings =
                inspected.getNetworkSettings().getPorts().getBindings().get(agentPort);
        String url = "http://" + spec.publishHost() + ":" + bindings[0].getHostPortSpec();
        long t2 = System.nanoTime();
        health.awaitHealthy(url, HEALTH_TIMEOUT);
        phases.record("create", t1 - t0);
        phases.record("start", t2 - t1);
        phases.record("health", System.nanoTime() - t2);
        return url;
    }

    /** The network's id, resolved on the first call (from {@link #newSpec}, before any timing). */
    private synchronized String networkId(ContainerSpec spec) {
        if (network == null) {
            network = new FleetNetwork(docker, spec.network(), Clock.systemUTC(), FleetNetwork.SETTLE);
        }
        return network.id();
    }

    /** Mean ms per phase of the raw spawns since the last call ("raw_create_mean_ms", ...). */
    public Map<String, Object> drainPhases() {
        return phases.drain("raw_");
    }

    /** rm -f, then a fresh spawn on the same volume: what a settings recreate does. */
    public String recreate(ContainerSpec spec) {
        docker.removeContainerCmd(spec.name()).withForce(true).exec();
        return spawn(spec);
    }
}
