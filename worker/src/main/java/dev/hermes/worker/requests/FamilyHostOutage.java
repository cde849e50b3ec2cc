package dev.hermes.worker.requests;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.docker.hosts.Engines;
import java.time.Clock;
import java.util.function.Function;

/**
 * The outage of a family's Docker host, for {@link DockerWait}: the host it is placed on, else the host its last
 * LastActive named. A worker that gained the family's partition knows its placement only from the hosts' listings, and
 * a host that is down now was listed last before it went down, so a family made there since is known only from its
 * LastActive: without this, its ensure would be placed anew on another host with an empty volume. When that host is
 * down or no longer configured, the hosts that answer are asked for the family's container first (a family moved off
 * it lives there); only when none has it does the ensure wait for the named host (and is answered HOST_UNAVAILABLE).
 */
public final class FamilyHostOutage implements Function<UserId, DockerOutage> {
    private final Engines engines;
    private final Docker docker;
    private final Function<UserId, String> lastHost;
    /** The outage of a host no longer configured: down for good. */
    private final DockerOutage unknownHost;

    /**
     * @param docker the engines as one (its inspect finds a container on any host that answers, and places it)
     * @param lastHost the host the family's newest LastActive named, or null
     */
    public FamilyHostOutage(Engines engines, Docker docker, Function<UserId, String> lastHost, Clock clock) {
        this.engines = engines;
        this.docker = docker;
        this.lastHost = lastHost;
        this.unknownHost = new DockerOutage(clock);
        this.unknownHost.unreachable();
    }

    @Override
    public DockerOutage apply(UserId user) {
        String placed = engines.hostOfFamily(user.containerName());
        if (placed != null) {
            return engines.outages().of(placed);
        }
        String last = lastHost.apply(user);
        if (last == null) {
            return null;
        }
        boolean configured = engines.hosts().stream().map(DockerHost::name).anyMatch(last::equals);
        if (configured && !engines.outages().of(last).down()) {
            return null; // it answers: the ensure finds the family there by name
        }
        try {
            docker.inspect(user.containerName());
        } catch (RuntimeException e) {
            // no host that answers could be asked: the named one decides
        }
        placed = engines.hostOfFamily(user.containerName());
        if (placed != null) {
            return engines.outages().of(placed);
        }
        return configured ? engines.outages().of(last) : unknownHost;
    }
}
