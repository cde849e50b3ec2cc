package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.hermes.schemas.HermesException;
import dev.hermes.worker.docker.ContainerSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Waits until every named container has been started with the given hermes.settings-version label and
 * answers /health. Event-driven, so watching costs dockerd nothing while the fleet works: Docker's
 * "start" events (labels included) say which container came up on which version; each one is then
 * inspected once for its port and polled every 5 ms, as the raw side polls. Open it before the bump.
 */
public final class RecreateWatch implements AutoCloseable {
    private final DockerClient docker;
    private final int agentPort;
    private final Set<String> names;
    private final String version;
    private final CountDownLatch healthy;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final ExecutorService probes = Executors.newFixedThreadPool(16);
    private final HealthPoller health = new HealthPoller();
    private final ResultCallback.Adapter<Event> events;

    public RecreateWatch(DockerClient docker, int agentPort, Set<String> containerNames, long settingsVersion) {
        this.docker = docker;
        this.agentPort = agentPort;
        this.names = containerNames;
        this.version = Long.toString(settingsVersion);
        this.healthy = new CountDownLatch(containerNames.size());
        this.events = docker.eventsCmd()
                .withEventTypeFilter("container")
                .withEventFilter("start")
                .withLabelFilter(ContainerSpec.LABEL_MANAGED + "=true")
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Event event) {
                        started(event);
                    }
                });
    }

    private void started(Event event) {
        Map<String, String> attributes =
                event.getActor() == null ? null : event.getActor().getAttributes();
        if (attributes == null || !version.equals(attributes.get(ContainerSpec.LABEL_SETTINGS_VERSION))) {
            return;
        }
        String name = attributes.get("name");
        if (names.contains(name) && seen.add(name)) {
            probes.submit(() -> {
                Ports.Binding[] bindings = docker.inspectContainerCmd(event.getId())
                        .exec()
                        .getNetworkSettings()
                        .getPorts()
                        .getBindings()
                        .get(ExposedPort.tcp(agentPort));
                health.awaitHealthy("http://127.0.0.1:" + bindings[0].getHostPortSpec(), Duration.ofSeconds(120));
                healthy.countDown();
                return null;
            });
        }
    }

    /** Blocks until all are on the version and healthy. */
    public void await(Duration timeout) throws InterruptedException {
        if (!healthy.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HermesException(healthy.getCount() + " of " + names.size() + " containers were not started on "
                    + "settings version " + version + " and healthy after " + timeout.toSeconds() + " s ("
                    + seen.size() + " started)");
        }
    }

    @Override
    public void close() throws Exception {
        events.close();
        probes.shutdownNow();
    }
}
