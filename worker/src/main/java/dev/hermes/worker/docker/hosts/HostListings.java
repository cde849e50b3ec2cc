package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.VolumeSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each host holds of some families, listed once per host: their volumes with labels (and, when asked, the families'
 * containers and the move carriers), and which hosts did not answer. {@link #judge} applies {@link UnfinishedMoves} to one family.
 */
final class HostListings {
    private final List<String> order;
    private final Map<String, Map<String, Map<String, String>>> volumes = new HashMap<>();
    private final Map<String, List<ContainerSummary>> containers = new HashMap<>();
    private final Set<String> silent = new LinkedHashSet<>();

    private HostListings(List<String> order) {
        this.order = order;
    }

    /** One volume list per host of the volumes named {@code prefix}*, skipping hosts that are down. */
    static HostListings of(Engines engines, String prefix, boolean withContainers) {
        HostListings listings =
                new HostListings(engines.hosts().stream().map(DockerHost::name).toList());
        for (String host : listings.order) {
            if (engines.outages().of(host).down()) {
                listings.silent.add(host);
                continue;
            }
            try {
                Map<String, Map<String, String>> here = new HashMap<>();
                for (VolumeSummary v : engines.call(host, d -> d.volumes(prefix))) {
                    here.put(v.name(), v.labels());
                }
                listings.volumes.put(host, here);
                if (withContainers) {
                    // one list for the families' containers and the move carriers (both named hermes-...)
                    listings.containers.put(host, engines.call(host, d -> d.allNamed("hermes-")));
                }
            } catch (RuntimeException e) {
                listings.silent.add(host);
                listings.volumes.remove(host);
            }
        }
        return listings;
    }

    Set<String> silent() {
        return silent;
    }

    /** The volume names listed on any host. */
    Set<String> volumeNames() {
        Set<String> names = new LinkedHashSet<>();
        volumes.values().forEach(here -> names.addAll(here.keySet()));
        return names;
    }

    /** The containers listed on {@code host} whose name starts with {@code prefix}, when containers were asked for. */
    List<ContainerSummary> containers(String host, String prefix) {
        List<ContainerSummary> named = new ArrayList<>();
        for (ContainerSummary c : containers.getOrDefault(host, List.of())) {
            if (!c.names().isEmpty() && Placements.family(c.names().get(0)).startsWith(prefix)) {
                named.add(c);
            }
        }
        return named;
    }

    /** Where the volume {@code volume} is the family's, by {@link UnfinishedMoves}. */
    UnfinishedMoves.Verdict judge(String volume) {
        return UnfinishedMoves.judge(holding(volume), silent, order);
    }

    /** The hosts that listed {@code volume}, with its labels there. */
    Map<String, Map<String, String>> holding(String volume) {
        Map<String, Map<String, String>> holding = new HashMap<>();
        volumes.forEach((host, here) -> {
            if (here.containsKey(volume)) {
                holding.put(host, here.get(volume));
            }
        });
        return holding;
    }
}
