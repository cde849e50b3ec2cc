package dev.hermes.worker.docker.hosts;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSummary;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this worker gains partitions: their families' placements are listed again (one container list and one volume
 * list per engine), since another worker may have moved a family while this one did not own it. The families are this
 * worker's now (the previous owner finished or gave up its moves before letting the partition go), so what an
 * interrupted move left of them is removed here: the move carriers, and each copy {@link UnfinishedMoves} calls
 * unfinished. A family placed on a host that does not answer keeps that placement.
 */
public final class PlacementRefresh {
    private static final Logger log = LoggerFactory.getLogger(PlacementRefresh.class);
    private final Engines engines;

    public PlacementRefresh(Engines engines) {
        this.engines = engines;
    }

    /** The user a family's name ({@code hermes-user-<hex>}, its volume or its carrier) names, if any. */
    static Optional<UserId> userOf(String name) {
        String family = Placements.family(name);
        String hex = family.startsWith(Engines.FAMILY_PREFIX)
                ? family.substring(Engines.FAMILY_PREFIX.length())
                : family.startsWith(UnfinishedMoves.CARRIER_PREFIX)
                        ? family.substring(UnfinishedMoves.CARRIER_PREFIX.length())
                        : "";
        return Optional.ofNullable(UserId.fromHex(hex));
    }

    /** Lists every engine once and places again each family of {@code gained}; returns how many it looked at. */
    public int refresh(Predicate<UserId> gained) {
        HostListings all = HostListings.of(engines, Engines.FAMILY_PREFIX, true);
        Placements placements = engines.placements();
        Set<UserId> families = new LinkedHashSet<>();
        all.volumeNames().forEach(name -> userOf(name).ifPresent(families::add));
        placements.families().forEach(name -> userOf(name).ifPresent(families::add));
        for (var host : engines.hosts()) {
            for (ContainerSummary c : all.containers(host.name(), "hermes-")) {
                userOf(c.names().get(0)).ifPresent(families::add);
                if (Placements.family(c.names().get(0)).startsWith(Engines.FAMILY_PREFIX)) {
                    placements.container(c.id(), null, host.name());
                }
            }
        }
        families.removeIf(user -> !gained.test(user));
        for (UserId user : families) {
            refresh(user, all);
        }
        return families.size();
    }

    private void refresh(UserId user, HostListings all) {
        Placements placements = engines.placements();
        String carrier = UnfinishedMoves.carrierName(user);
        String containerHost = null;
        for (var host : engines.hosts()) {
            for (ContainerSummary c : all.containers(host.name(), "hermes-")) {
                String name = Placements.family(c.names().get(0));
                if (name.equals(carrier)) {
                    quietly(
                            host.name(),
                            "removing the move carrier " + carrier,
                            () -> engines.call(host.name(), d -> d.remove(carrier)));
                } else if (name.equals(user.containerName())) {
                    containerHost = host.name();
                }
            }
        }
        UnfinishedMoves.Verdict verdict = all.judge(user.volumeName());
        for (String host : verdict.unfinished()) {
            quietly(
                    host,
                    "removing the unfinished copy " + user.volumeName(),
                    () -> engines.call(host, d -> d.removeVolume(user.volumeName())));
        }
        if (verdict.doubtful()) {
            return; // its source does not answer: the placement known before stands
        }
        String home = verdict.home().orElse(containerHost);
        if (home != null) {
            placements.set(user.containerName(), home);
        } else {
            String cached = placements.hostOf(user.containerName()).orElse(null);
            if (cached != null && !all.silent().contains(cached)) {
                placements.forget(user.containerName()); // gone from every host that answers
            }
        }
    }

    private static void quietly(String host, String what, Runnable call) {
        try {
            call.run();
            log.info("{} on Docker host {} (left by an interrupted move)", what, host);
        } catch (RuntimeException e) {
            log.warn("{} on Docker host {} failed: {}", what, host, e.getMessage());
        }
    }
}
