package dev.hermes.worker.docker.hosts;

import dev.hermes.admin.DockerHost;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.DockerOutage;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a stopped family from one Docker host to another, inside the family's lane: checks it is on the source and
 * stopped, picks the target as a new family's host is picked (never the source), makes the family's volume there
 * (labelled {@link UnfinishedMoves#LABEL_MOVE_FROM}), copies the source volume into it through
 * two carriers ({@link VolumeCopy}), and only then removes the source's container and volume. Until that removal the
 * family is whole on the source; any failure before it removes the copy again.
 */
public final class VolumeMover {
    private final Engines engines;
    private final VolumeCopy copy;
    private final String fleet;
    private final Clock clock;

    /** @param image the image the carriers are created from (the agent's: every host has it) */
    public VolumeMover(Engines engines, String image, String fleet, Clock clock) {
        this.engines = engines;
        this.copy = new VolumeCopy(engines, image, fleet);
        this.fleet = fleet;
        this.clock = clock;
    }

    /** One try of the family's move off {@code from}. */
    public MoveOutcome move(UserId user, String from, MoveTickets.Ticket ticket) {
        if (engines.hosts().stream().noneMatch(h -> h.name().equals(from))) {
            return MoveOutcome.failed("UNKNOWN_HOST", from + " is not one of HERMES_DOCKER_HOSTS");
        }
        String volume = user.volumeName();
        HostListings all = HostListings.of(engines, volume, false);
        if (all.silent().contains(from)) {
            return MoveOutcome.retry("the Docker host " + from + " does not answer");
        }
        Map<String, Map<String, String>> holding = all.holding(volume);
        Map<String, String> source = holding.get(from);
        if (source == null) {
            for (var there : holding.entrySet()) {
                if (from.equals(there.getValue().get(UnfinishedMoves.LABEL_MOVE_FROM))) {
                    return MoveOutcome.movedBefore(there.getKey()); // an earlier try moved it; its row was left
                }
            }
            return MoveOutcome.failed(
                    "NOT_ON_HOST",
                    "the family has no volume on " + from
                            + (holding.isEmpty() ? "" : "; it is on " + holding.keySet()));
        }
        String theirs = ContainerLabels.fleet(source);
        if (theirs != null && !theirs.equals(fleet)) {
            return MoveOutcome.failed("FLEET_CONFLICT", "its volume belongs to fleet " + theirs);
        }
        for (var there : holding.entrySet()) {
            if (!there.getKey().equals(from) && !from.equals(there.getValue().get(UnfinishedMoves.LABEL_MOVE_FROM))) {
                return MoveOutcome.failed("TWO_VOLUMES", "the family has a volume on " + there.getKey() + " too");
            }
        }
        copy.removeLeftovers(user, from, holding.keySet());
        Optional<ContainerInfo> container = engines.call(from, d -> d.inspect(user.containerName()));
        if (container.isPresent()
                && (container.get().running() || container.get().paused())) {
            return MoveOutcome.failed(
                    "NOT_STOPPED",
                    "its container on " + from + " is " + (container.get().paused() ? "paused" : "running"));
        }
        Optional<DockerHost> target = engines.choose(Set.of(from));
        if (target.isEmpty()) {
            return MoveOutcome.failed(
                    "NO_TARGET_HOST",
                    "no other Docker host takes families (down: "
                            + engines.outages().down() + ")");
        }
        return moveTo(user, from, source, container, target.get(), ticket);
    }

    private MoveOutcome moveTo(
            UserId user,
            String from,
            Map<String, String> source,
            Optional<ContainerInfo> container,
            DockerHost to,
            MoveTickets.Ticket ticket) {
        long t0 = System.nanoTime();
        String movedAt = Long.toString(clock.millis());
        long bytes;
        try {
            bytes = copy.copy(user, from, source, to, movedAt);
        } catch (RuntimeException e) {
            copy.undo(user, to.name(), movedAt);
            return isTransient(e)
                    ? MoveOutcome.retry("COPY_FAILED: " + e.getMessage())
                    : MoveOutcome.failed("COPY_FAILED", String.valueOf(e.getMessage()));
        }
        if (!ticket.commit()) {
            copy.undo(user, to.name(), movedAt);
            return MoveOutcome.retry("the family's partition was released during the copy");
        }
        if (!copy.stands(user, to.name(), movedAt)) {
            copy.undo(user, to.name(), movedAt);
            return MoveOutcome.retry("the copy on " + to.name() + " was removed before the move finished");
        }
        try {
            container.ifPresent(c -> engines.call(from, d -> d.remove(c.id())));
            engines.call(from, d -> d.removeVolume(user.volumeName()));
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                // whether the source volume is gone is not known: the next try (or the rule) tells which copy is whole
                return MoveOutcome.retry("REMOVE_FAILED: " + e.getMessage());
            }
            copy.undo(user, to.name(), movedAt); // Docker refused: the source volume is still there
            return MoveOutcome.failed("REMOVE_FAILED", "removing the family on " + from + ": " + e.getMessage());
        }
        Placements placements = engines.placements();
        placements.set(user.containerName(), to.name());
        container.ifPresent(c -> placements.forgetContainer(c.id()));
        engines.placedByMove(to.name());
        return MoveOutcome.moved(to.name(), bytes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean isTransient(RuntimeException e) {
        return DockerOutage.unreachable(e) || e instanceof HostUnreachableException;
    }

    /** The labels of the family's volume on {@code to}: the source's, on the new host, saying where it came from. */
    static Map<String, String> targetLabels(Map<String, String> source, DockerHost to, String from, String movedAt) {
        Map<String, String> labels = new java.util.HashMap<>(MultiHostDocker.withHost(source, to));
        labels.put(UnfinishedMoves.LABEL_MOVE_FROM, from);
        labels.put(UnfinishedMoves.LABEL_MOVE_AT, movedAt);
        return Map.copyOf(labels);
    }
}
