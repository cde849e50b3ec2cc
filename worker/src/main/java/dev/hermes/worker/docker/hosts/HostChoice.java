package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a new family goes: the host with the most free capacity (its capacity less the families it holds),
 * never one that is draining or unreachable. A tie goes to the host listed first. A full host is still chosen when
 * every open host is full: the engine's capacity bound and eviction absorb the overshoot.
 */
public final class HostChoice {
    private HostChoice() {}

    /**
     * @param used families on each host (a host missing counts 0)
     * @param closed hosts that take no new family (draining or unreachable)
     * @return empty when every host is closed
     */
    public static Optional<DockerHost> choose(List<DockerHost> hosts, Map<String, Integer> used, Set<String> closed) {
        DockerHost best = null;
        long bestFree = Long.MIN_VALUE;
        for (DockerHost host : hosts) {
            if (closed.contains(host.name())) {
                continue;
            }
            long free = (long) host.capacity() - used.getOrDefault(host.name(), 0);
            if (free > bestFree) {
                best = host;
                bestFree = free;
            }
        }
        return Optional.ofNullable(best);
    }
}
