package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.DockerProbe;
import dev.hermes.worker.docker.VolumeSummary;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engines of {@link MultiHostDocker}, one client each, with their outages and the families' placements. A call
 * that cannot reach its engine marks that host down ({@link HostOutages}); lists and streams skip hosts that are down.
 */
public final class Engines implements AutoCloseable {
    /** Every family's container and volume name starts so. */
    static final String FAMILY_PREFIX = "hermes-user-";

    private final List<DockerHost> hosts;
    private final Map<String, Docker> clients = new LinkedHashMap<>();
    private final HostOutages outages;
    private final Supplier<Set<String>> drained;
    private final Placements placements = new Placements();
    private final Set<String> learnt = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> pingsSinceLiveRestoreRead = new ConcurrentHashMap<>();
    private final HostLoad load;

    /** @param drained the hosts that take no new family now (read at each placement; keep it cheap) */
    public Engines(Map<DockerHost, Docker> clients, HostOutages outages, Supplier<Set<String>> drained, Clock clock) {
        this.hosts = List.copyOf(clients.keySet());
        clients.forEach((host, docker) -> this.clients.put(host.name(), docker));
        hosts.forEach(host -> pingsSinceLiveRestoreRead.put(host.name(), DockerProbe.LIVE_RESTORE_EVERY)); // read first
        this.outages = outages;
        this.drained = drained;
        this.load = new HostLoad(
                host -> call(host, d -> d.volumesNamed(FAMILY_PREFIX)).size(), clock);
    }

    public List<DockerHost> hosts() {
        return hosts;
    }

    public HostOutages outages() {
        return outages;
    }

    /** The host a family (its container name) is placed on, or null when it has none yet. */
    public String hostOfFamily(String containerName) {
        return placements.hostOf(containerName).orElse(null);
    }

    /**
     * Pings one host, marks its outage; on answering again after an outage, re-learns its families. Reads the host's
     * live-restore then, and every {@link DockerProbe#LIVE_RESTORE_EVERY} pings.
     */
    public boolean probe(String host) {
        DockerOutage outage = outages.of(host);
        boolean wasDown = outage.down();
        try {
            clients.get(host).ping();
        } catch (RuntimeException e) {
            outage.unreachable();
            return false;
        }
        int pings = pingsSinceLiveRestoreRead.merge(host, 1, Integer::sum);
        if (wasDown || pings > DockerProbe.LIVE_RESTORE_EVERY) {
            try {
                outage.keepsContainers(clients.get(host).liveRestore());
                pingsSinceLiveRestoreRead.put(host, 0);
            } catch (RuntimeException e) {
                // read again at the next ping
            }
        }
        outage.answered();
        if (wasDown || !learnt.contains(host)) {
            learnQuietly(host);
        }
        return true;
    }

    /**
     * Lists the host's family containers and volumes: where they are, the families live. A volume an unfinished move
     * made here ({@link UnfinishedMoves}) does not place its family here (the other hosts are listed once to tell).
     */
    public void learn(String host) {
        for (ContainerSummary c : call(host, d -> d.allNamed(FAMILY_PREFIX))) {
            placements.container(c.id(), c.names().isEmpty() ? null : c.names().get(0), host);
        }
        HostListings all = null;
        for (VolumeSummary volume : call(host, d -> d.volumes(FAMILY_PREFIX))) {
            if (!UnfinishedMoves.movedHere(volume.labels(), host)) {
                placements.place(volume.name(), host);
                continue;
            }
            if (all == null) {
                all = HostListings.of(this, FAMILY_PREFIX, false);
            }
            all.judge(volume.name()).home().ifPresent(home -> placements.place(volume.name(), home));
        }
        learnt.add(host);
    }

    private void learnQuietly(String host) {
        try {
            learn(host);
        } catch (RuntimeException e) {
            // not learnt: a new family is not placed until it is (placeNew tries again)
        }
    }

    /** The host of a family with a placement; otherwise the one {@link HostChoice} picks, now placed there. */
    synchronized DockerHost placeNew(String ref) {
        Optional<String> placed = placements.hostOf(ref);
        if (placed.isEmpty()) {
            for (DockerHost host : hosts) {
                if (!learnt.contains(host.name())) {
                    try {
                        learn(host.name());
                    } catch (RuntimeException e) {
                        throw new HostUnreachableException("Docker host " + host.name()
                                + " has not answered since the worker started; a new family may live there");
                    }
                }
            }
            placed = placements.hostOf(ref).or(() -> volumeHost(ref));
        }
        if (placed.isPresent()) {
            return host(placed.get());
        }
        DockerHost chosen = choose(Set.of())
                .orElseThrow(() -> new HostUnreachableException("no Docker host takes new families (down: "
                        + outages.down() + ", draining: " + drained.get() + ")"));
        placements.place(ref, chosen.name());
        load.placed(chosen.name());
        return chosen;
    }

    /** The host with the most free capacity ({@link HostChoice}), never a drained or down one, nor {@code not}. */
    synchronized Optional<DockerHost> choose(Set<String> not) {
        Set<String> closed = new HashSet<>(drained.get());
        closed.addAll(outages.down());
        closed.addAll(not);
        Map<String, Integer> used = new HashMap<>();
        for (DockerHost host : hosts) {
            if (!closed.contains(host.name())) {
                try {
                    used.put(host.name(), load.used(host.name()));
                } catch (RuntimeException e) {
                    closed.add(host.name());
                }
            }
        }
        return HostChoice.choose(hosts, used, closed);
    }

    /** A family was placed on {@code host} by a move: counted in its load until its next count. */
    void placedByMove(String host) {
        load.placed(host);
    }

    Placements placements() {
        return placements;
    }

    /**
     * The host that answers and holds the family's volume, found by name (another worker may have made it since this
     * one listed), never a copy an unfinished move left ({@link UnfinishedMoves}). A host that is down is known only
     * as of its last listing.
     *
     * @throws HostUnreachableException when the volume found names as its source a host that does not answer
     */
    private Optional<String> volumeHost(String ref) {
        String volume = Placements.family(ref) + Placements.VOLUME_SUFFIX;
        UnfinishedMoves.Verdict verdict = HostListings.of(this, volume, false).judge(volume);
        if (verdict.doubtful()) {
            throw new HostUnreachableException("the volume of " + Placements.family(ref) + " was copied from a Docker "
                    + "host that does not answer, maybe unfinished: " + outages.down());
        }
        return verdict.home().map(host -> placements.place(ref, host));
    }

    void created(String containerId, String host) {
        placements.container(containerId, null, host);
    }

    DockerHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    /** The host holding the container or family {@code ref}: its placement, else the first host whose engine has it. */
    Optional<String> locate(String ref) {
        Optional<String> placed = placements.hostOf(ref);
        if (placed.isPresent()) {
            return placed;
        }
        for (DockerHost host : hosts) {
            if (outages.of(host.name()).down()) {
                continue;
            }
            try {
                var found = call(host.name(), d -> d.inspect(ref));
                if (found.isPresent()) {
                    placements.container(found.get().id(), found.get().name(), host.name());
                    return Optional.of(host.name());
                }
            } catch (RuntimeException e) {
                // that host does not answer, or refused: the others may have it
            }
        }
        return Optional.empty();
    }

    /** One call on the host's engine; a failure to reach it marks the host down. */
    <T> T call(String host, Function<Docker, T> call) {
        try {
            return call.apply(clients.get(host));
        } catch (RuntimeException e) {
            if (DockerOutage.unreachable(e)) {
                outages.of(host).unreachable();
            }
            throw e;
        }
    }

    /** The results of every host that answers, concatenated; throws when none does. */
    <T> List<T> union(Function<Docker, List<T>> call) {
        List<T> all = new ArrayList<>();
        RuntimeException last = null;
        int answered = 0;
        for (DockerHost host : hosts) {
            if (outages.of(host.name()).down()) {
                continue;
            }
            try {
                List<T> some = call(host.name(), call);
                for (T item : some) {
                    if (item instanceof ContainerSummary c && !c.names().isEmpty()) {
                        placements.container(c.id(), c.names().get(0), host.name());
                    }
                }
                all.addAll(some);
                answered++;
            } catch (RuntimeException e) {
                if (!DockerOutage.unreachable(e)) {
                    throw e;
                }
                last = e;
            }
        }
        if (answered == 0) {
            throw last != null ? last : new HostUnreachableException("no Docker host answers");
        }
        return all;
    }

    /** The result of the first host that answers. */
    <T> T any(Function<Docker, T> call) {
        List<T> one = new ArrayList<>();
        for (DockerHost host : hosts) {
            if (one.isEmpty() && !outages.of(host.name()).down()) {
                try {
                    one.add(call(host.name(), call));
                } catch (RuntimeException e) {
                    if (!DockerOutage.unreachable(e)) {
                        throw e;
                    }
                }
            }
        }
        if (one.isEmpty()) {
            throw new HostUnreachableException("no Docker host answers");
        }
        return one.get(0);
    }

    /** One stream per host that answers, ending when any of them ends (so the watcher reopens and re-lists). */
    Docker.EventStream merged(Function<Docker, Docker.EventStream> open) {
        return MergedEventStream.of(union(docker -> List.of(open.apply(docker))));
    }

    @Override
    public void close() {
        clients.values().forEach(Docker::close);
    }
}
