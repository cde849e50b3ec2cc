package dev.hermes.worker.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The id of the fleet's network, resolved once per worker (thread-safe) and again only after Docker says it is gone.
 * Creates the network if there is none. Docker 20.10 lets concurrent creates of one name each make a network (its
 * duplicate check is best effort), so every worker picks the same one ({@link NetworkCandidate#chosen}) and a worker
 * whose own create lost removes it while it is still unused. A create becomes visible in the list only when it ends,
 * but its {@code Created} is when it began: so a network younger than {@code settle} is listed once more after it has
 * that age, when an older concurrent create has ended too, before any worker attaches a runtime to it.
 */
public final class FleetNetwork {
    /** Measured here: six concurrent creates all end within 350 ms of the first one's start. */
    public static final Duration SETTLE = Duration.ofMillis(1500);

    private static final Logger log = LoggerFactory.getLogger(FleetNetwork.class);
    private final DockerClient docker;
    private final RuntimeNetwork network;
    private final Clock clock;
    private final Duration settle;
    private volatile String id;

    public FleetNetwork(DockerClient docker, RuntimeNetwork network, Clock clock, Duration settle) {
        this.docker = docker;
        this.network = network;
        this.clock = clock;
        this.settle = settle;
    }

    /** The network's id, found or created on the first call. */
    public String id() {
        String known = id;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (id == null) {
                id = resolve();
            }
            return id;
        }
    }

    /** Whether Docker no longer has network {@code networkId}; if so, the next {@link #id()} resolves again. */
    public synchronized boolean gone(String networkId) {
        try {
            docker.inspectNetworkCmd().withNetworkId(networkId).exec();
            return false;
        } catch (NotFoundException e) {
            if (networkId.equals(id)) {
                id = null;
            }
            return true;
        }
    }

    private String resolve() {
        try {
            String created = null;
            List<NetworkCandidate> listed = listed();
            if (NetworkCandidate.chosen(listed, network.name()).isEmpty()) {
                created = create();
                listed = listed();
            }
            Optional<NetworkCandidate> chosen = NetworkCandidate.chosen(listed, network.name());
            if (chosen.isPresent() && awaitSettled(chosen.get().created())) {
                chosen = NetworkCandidate.chosen(listed(), network.name());
            }
            NetworkCandidate winner = chosen.orElseThrow(() -> new FleetNetworkUnavailableException(
                    "network " + network.name() + " vanished while it was being resolved", null));
            if (created != null && !created.equals(winner.id())) {
                removeIfUnused(created);
            }
            return winner.id();
        } catch (DockerException e) {
            throw new DockerCallFailedException(e.getMessage(), e);
        }
    }

    /** Waits until a network created at {@code created} is {@code settle} old (at most {@code settle}). */
    private boolean awaitSettled(Instant created) {
        Duration wait = Duration.between(clock.instant(), created.plus(settle));
        if (wait.isNegative() || wait.isZero()) {
            return false;
        }
        try {
            Thread.sleep(Math.min(wait.toMillis(), settle.toMillis()) + 1);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetNetworkUnavailableException("interrupted resolving network " + network.name(), e);
        }
    }

    private String create() {
        try {
            return docker.createNetworkCmd()
                    .withName(network.name())
                    .withDriver(RuntimeNetwork.DRIVER)
                    .withCheckDuplicate(true)
                    .withInternal(false)
                    .withOptions(network.options())
                    .withLabels(network.labels())
                    .exec()
                    .getId();
        } catch (ConflictException e) {
            return null; // another worker's create came first, and Docker noticed
        }
    }

    private List<NetworkCandidate> listed() {
        return docker
                .listNetworksCmd()
                .withNameFilter(network.name())
                .withFilter(
                        "label",
                        List.of(
                                ContainerSpec.LABEL_MANAGED + "=true",
                                ContainerSpec.LABEL_FLEET + "=" + network.fleet()))
                .exec()
                .stream()
                .map(FleetNetwork::candidate)
                .toList();
    }

    private static NetworkCandidate candidate(Network n) {
        return new NetworkCandidate(
                n.getId(),
                n.getName(),
                n.getCreated() == null ? Instant.EPOCH : n.getCreated().toInstant());
    }

    private void removeIfUnused(String duplicate) {
        try {
            Network inspected =
                    docker.inspectNetworkCmd().withNetworkId(duplicate).exec();
            if (inspected.getContainers() == null || inspected.getContainers().isEmpty()) {
                docker.removeNetworkCmd(duplicate).exec();
                log.info(
                        "removed duplicate network {} ({}): another worker's create came first",
                        network.name(),
                        duplicate);
            }
        } catch (DockerException e) {
            log.warn("could not remove duplicate network {} ({}): {}", network.name(), duplicate, e.getMessage());
        }
    }
}
