package dev.hermes.ops.move;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.ops.recreate.FleetContainer;
import dev.hermes.ops.recreate.FleetContainers;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The families of one fleet on one Docker engine, as far as a move cares: those whose runtime is stopped (created,
 * exited or dead), which may move, oldest stop first (a never started one counts as the oldest; ties by user id), and
 * those whose runtime runs or is paused, which move only once stopped. One list call, and one inspect per stopped
 * container for its stop time.
 */
public final class MoveCandidates {
    private final DockerClient docker;
    private final String fleet;

    public MoveCandidates(DockerClient docker, String fleet) {
        this.docker = docker;
        this.fleet = fleet;
    }

    /** A stopped family and when its runtime stopped ({@link Instant#EPOCH}: never started, or unknown). */
    public record Stopped(UserId user, Instant stoppedAt) {}

    /** A family whose runtime runs or is paused there ({@code state}: running or paused). */
    public record Live(UserId user, String state) {}

    public record Listing(List<Stopped> stopped, List<Live> live) {}

    public Listing list() {
        List<Stopped> stopped = new ArrayList<>();
        List<Live> live = new ArrayList<>();
        for (FleetContainer c : new FleetContainers(docker, fleet).list()) {
            switch (c.state()) {
                case STOPPED -> stoppedAt(c.user()).ifPresent(at -> stopped.add(new Stopped(c.user(), at)));
                case PAUSED -> live.add(new Live(c.user(), "paused"));
                case RUNNING -> live.add(new Live(c.user(), "running"));
            }
        }
        stopped.sort(Comparator.comparing(Stopped::stoppedAt)
                .thenComparing(s -> s.user().value()));
        live.sort(Comparator.comparing(l -> l.user().value()));
        return new Listing(List.copyOf(stopped), List.copyOf(live));
    }

    /** Empty when the container went away since the list (removed: nothing to move). */
    private java.util.Optional<Instant> stoppedAt(UserId user) {
        try {
            String finished = docker.inspectContainerCmd(user.containerName())
                    .exec()
                    .getState()
                    .getFinishedAt();
            return java.util.Optional.of(instant(finished));
        } catch (NotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    static Instant instant(String dockerTime) {
        if (dockerTime == null || dockerTime.startsWith("0001-")) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(dockerTime);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
