package dev.hermes.ops.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import dev.hermes.admin.FamilyForgetter;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes everything the benchmark made. The fleet's runtimes of bench users are forgotten the way
 * `ops/hermes forget --delete-data` does (container, volume, last-active tombstone, audit), after their
 * container and volume are removed from the stack's other Docker engines (HERMES_DOCKER_HOSTS), where the
 * workers may have placed them; raw containers (label hermes.bench=raw), their volumes and their network are
 * removed directly.
 */
public final class Janitor {
    static final String LABEL_BENCH = "hermes.bench";
    static final String LABEL_RUN = "hermes.bench.run";
    private static final Logger log = LoggerFactory.getLogger(Janitor.class);
    private final DockerClient docker;
    private final List<DockerClient> otherEngines;
    private final FamilyForgetter forgetter;
    private final String runId;
    private final Set<UserId> systemUsers = ConcurrentHashMap.newKeySet();
    private final Set<String> rawContainers = ConcurrentHashMap.newKeySet();

    /** @param otherEngines the stack's Docker engines other than {@code docker} (none with one host) */
    public Janitor(DockerClient docker, List<DockerClient> otherEngines, FamilyForgetter forgetter, String runId) {
        this.docker = docker;
        this.otherEngines = List.copyOf(otherEngines);
        this.forgetter = forgetter;
        this.runId = runId;
    }

    public UserId systemUser(UserId user) {
        systemUsers.add(user);
        return user;
    }

    public String rawContainer(String name) {
        rawContainers.add(name);
        return name;
    }

    /** Forgets every bench user's runtime and data, on whichever engine holds them. */
    public void cleanSystem() {
        List<UserId> users = new ArrayList<>(systemUsers);
        inParallel(users.stream()
                .map(u -> (Runnable) () -> {
                    try {
                        otherEngines.forEach(other -> removeFromOther(other, u.containerName()));
                        forgetter.forget(u, true);
                        systemUsers.remove(u);
                    } catch (Exception e) {
                        log.warn("could not forget bench user {}: {}", u, e.toString());
                    }
                })
                .toList());
    }

    /** Removes every raw container of this run (tracked, or found by its run label) and its volume. */
    public void cleanRaw() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        names.addAll(rawContainers);
        for (Container c : docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(LABEL_BENCH, "raw", LABEL_RUN, runId))
                .exec()) {
            names.add(c.getNames()[0].substring(1));
        }
        inParallel(names.stream()
                .map(name -> (Runnable) () -> {
                    remove(docker, name);
                    rawContainers.remove(name);
                })
                .toList());
    }

    /** Removes the raw containers' network of this run (at the end: every raw spawn of the run shares it). */
    public void cleanRawNetwork() {
        removeNetworks(List.of(LABEL_BENCH + "=raw", LABEL_RUN + "=" + runId));
    }

    /** Removes containers that a fleet (consumer group) of the benchmark's own made, if any. */
    public int cleanFleet(String fleet) {
        List<Container> found = docker.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(ContainerSpec.LABEL_FLEET, fleet))
                .exec();
        inParallel(found.stream()
                .map(c -> (Runnable) () -> remove(docker, c.getNames()[0].substring(1)))
                .toList());
        removeNetworks(List.of(ContainerSpec.LABEL_FLEET + "=" + fleet));
        return found.size();
    }

    /** The networks with all of {@code labels} (a fleet's, after its containers are gone). */
    private void removeNetworks(List<String> labels) {
        for (Network network :
                docker.listNetworksCmd().withFilter("label", labels).exec()) {
            try {
                docker.removeNetworkCmd(network.getId()).exec();
            } catch (NotFoundException e) {
                // already gone
            } catch (RuntimeException e) {
                log.warn("could not remove network {}: {}", network.getName(), e.getMessage());
            }
        }
    }

    /** As {@link #remove}, but an engine that does not answer does not keep the family from being forgotten. */
    private static void removeFromOther(DockerClient engine, String name) {
        try {
            remove(engine, name);
        } catch (RuntimeException e) {
            log.warn("could not remove {} from another Docker engine: {}", name, e.toString());
        }
    }

    /** Removes container {@code name} and its volume {@code name-data} from {@code engine}. */
    private static void remove(DockerClient engine, String name) {
        try {
            engine.removeContainerCmd(name).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
        try {
            engine.removeVolumeCmd(name + "-data").exec();
        } catch (NotFoundException e) {
            // no volume
        } catch (RuntimeException e) {
            log.warn("could not remove volume {}-data: {}", name, e.getMessage());
        }
    }

    private static void inParallel(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, tasks.size()));
        try {
            List<Future<?>> futures =
                    tasks.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("cleanup task failed: {}", e.toString());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
