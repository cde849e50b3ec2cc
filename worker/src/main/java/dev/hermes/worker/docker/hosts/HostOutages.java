package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.DockerOutage;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One {@link DockerOutage} per host: a host that does not answer holds up only its own families. */
public final class HostOutages {
    private final Map<String, DockerOutage> outages = new LinkedHashMap<>();

    public HostOutages(List<DockerHost> hosts, Clock clock) {
        hosts.forEach(host -> outages.put(host.name(), new DockerOutage(clock)));
    }

    /** The host's outage. */
    public DockerOutage of(String host) {
        DockerOutage outage = outages.get(host);
        if (outage == null) {
            throw new IllegalArgumentException("no Docker host named " + host);
        }
        return outage;
    }

    /** The outage of the host {@code host} names, or null when it names none (a family not placed yet). */
    public DockerOutage ofOrNull(String host) {
        return host == null ? null : of(host);
    }

    /** The hosts that do not answer now, in the configured order. */
    public Set<String> down() {
        return outages.entrySet().stream()
                .filter(e -> e.getValue().down())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Whether every host is down. */
    public boolean allDown() {
        return outages.values().stream().allMatch(DockerOutage::down);
    }
}
