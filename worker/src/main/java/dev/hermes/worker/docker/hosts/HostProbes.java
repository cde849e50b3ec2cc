package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.DockerProbe;
import dev.hermes.worker.docker.EngineListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DockerProbe} for each of several hosts, run every {@link DockerProbe#PERIOD}: a fresh connect to each host's
 * socket every period (a stopping dockerd refuses it at once), a ping every {@link DockerProbe#PING_EVERY} periods
 * and every period while the host is down. A host going down leaves the warm set unverified and the event streams
 * reopened (re-listed without it); a host answering again reopens them with it.
 */
public final class HostProbes implements Runnable {
    private final Engines engines;
    private final Map<String, Optional<EngineListener>> listeners = new HashMap<>();
    private final Runnable onHostDown;
    private final Runnable onHostBack;
    private long ticks;

    public HostProbes(Engines engines, Runnable onHostDown, Runnable onHostBack) {
        this.engines = engines;
        this.onHostDown = onHostDown;
        this.onHostBack = onHostBack;
        for (DockerHost host : engines.hosts()) {
            listeners.put(host.name(), EngineListener.of(host.endpoint(), Duration.ofMillis(500)));
        }
    }

    @Override
    public void run() {
        boolean pingDue = ticks++ % DockerProbe.PING_EVERY == 0;
        for (DockerHost host : engines.hosts()) {
            DockerOutage outage = engines.outages().of(host.name());
            boolean wasDown = outage.down();
            Optional<EngineListener> listener = listeners.get(host.name());
            if (listener.isPresent() && !listener.get().accepts()) {
                outage.unreachable();
                if (!wasDown) {
                    onHostDown.run();
                }
                continue;
            }
            if (!pingDue && !wasDown) {
                continue;
            }
            boolean up = engines.probe(host.name());
            if (!up && !wasDown) {
                onHostDown.run();
            } else if (up && wasDown) {
                onHostBack.run();
            }
        }
    }
}
