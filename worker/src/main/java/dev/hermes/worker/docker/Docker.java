package dev.hermes.worker.docker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Exactly the Docker operations the worker uses, so nothing else in the worker sees docker-java. A call
 * Docker refuses throws {@link DockerCallFailedException} with Docker's own message.
 */
public interface Docker extends AutoCloseable {

    /**
     * The running containers labelled managed and of this fleet, paused ones included ({@link
     * ContainerSummary#paused()}): they hold their memory.
     */
    List<ContainerSummary> runningManaged(String fleet);

    /** Every container, running or not, whose name starts with {@code namePrefix} (no leading slash). */
    List<ContainerSummary> allNamed(String namePrefix);

    /**
     * The names of the volumes whose name starts with {@code namePrefix}: where a family's data lives (a
     * multi-host worker learns its placements from them). An engine without volumes to show answers none.
     */
    default List<String> volumesNamed(String namePrefix) {
        return List.of();
    }

    /** The volumes whose name starts with {@code namePrefix}, with their labels. */
    default List<VolumeSummary> volumes(String namePrefix) {
        return volumesNamed(namePrefix).stream()
                .map(name -> new VolumeSummary(name, Map.of()))
                .toList();
    }

    /**
     * Removes the volume; false when there is none.
     *
     * @throws DockerCallFailedException when Docker refuses (a container still uses it)
     */
    default boolean removeVolume(String name) {
        throw new DockerCallFailedException("this engine cannot remove volumes", null);
    }

    /** Creates (never starts) a container that only carries a volume for the archive calls; returns its id. */
    default String createCarrier(CarrierSpec spec) {
        throw new DockerCallFailedException("this engine cannot create carriers", null);
    }

    /** A tar stream of {@code path} in the container (its top entry is the path's last name); close it after. */
    default java.io.InputStream archiveOf(String container, String path) {
        throw new DockerCallFailedException("this engine cannot copy archives", null);
    }

    /** Extracts the tar stream {@code tar} into {@code directory} of the container, keeping owners and modes. */
    default void extract(String container, String directory, java.io.InputStream tar) {
        throw new DockerCallFailedException("this engine cannot copy archives", null);
    }

    /** The container by id or name, or empty if there is none. */
    Optional<ContainerInfo> inspect(String idOrName);

    /**
     * Creates the volume, or finds the one of that name (Docker keeps its labels as they were); returns the labels
     * the volume has now, empty when none.
     */
    Map<String, String> createVolume(String name, Map<String, String> labels);

    /**
     * Creates (does not start) the container {@code spec} describes, running {@code entrypoint}; returns its id.
     *
     * @throws ContainerNameTakenException when a container of that name exists
     */
    String createContainer(ContainerSpec spec, List<String> entrypoint);

    /** Starts it; a container that is already running is left as it is. */
    void start(String idOrName);

    /** Stops it within {@code timeoutSeconds}; one already stopped or gone is left as it is. */
    void stop(String idOrName, int timeoutSeconds);

    /**
     * Freezes it ({@code docker pause}, cgroup freezer): it keeps its memory and uses no CPU.
     *
     * @throws DockerCallFailedException when it is not running, is paused already, or is gone
     */
    void pause(String idOrName);

    /**
     * Thaws a paused container.
     *
     * @throws DockerCallFailedException when it is not paused, or is gone
     */
    void unpause(String idOrName);

    /** Removes it, running, paused or not; returns false if there was none. */
    boolean remove(String idOrName);

    /** Throws if Docker does not answer. */
    void ping();

    /**
     * Whether the engine runs with live-restore ({@code docker info}'s LiveRestoreEnabled): its containers keep running
     * while dockerd is stopped or restarting. A reload (SIGHUP) can change it.
     */
    boolean liveRestore();

    /**
     * Follows the die, stop, kill, destroy, oom, pause and unpause events of this fleet's managed containers until the
     * stream ends or is closed.
     */
    EventStream containerEvents(String fleet, Consumer<ContainerEvent> onEvent);

    /** The id ({@code sha256:...}) of the image {@code reference} names in this engine, or empty if it has none. */
    Optional<String> imageId(String reference);

    /**
     * Pulls {@code reference} (tag {@code latest} when it names none).
     *
     * @throws DockerCallFailedException with Docker's message, or when it does not finish within {@code timeout}
     */
    void pull(String reference, Duration timeout);

    /**
     * Follows the engine's image events (tag, untag, load, import, pull, delete) until the stream ends or is
     * closed; {@code onAction} gets each event's action.
     */
    EventStream imageEvents(Consumer<String> onAction);

    /** An open event stream. */
    interface EventStream extends AutoCloseable {
        /** Blocks until the stream ends (Docker went away, or {@link #close()}). */
        void awaitCompletion() throws InterruptedException;

        @Override
        void close();
    }

    @Override
    void close();

    /**
     * How many containers labelled managed run (paused ones too: they keep their memory) on this engine, of every fleet (one list): memory is the host's, so the
     * capacity bound counts them all.
     */
    int countRunningManagedOfAnyFleet();

    /** The engine's total memory in bytes, as {@code docker info} reports it (MemTotal). */
    long engineMemoryBytes();

    /**
     * The id of the fleet's network {@code network}, found or created (as a create would): asked before a recreate
     * removes the old container, so that a network Docker cannot give leaves the old one serving.
     */
    String fleetNetworkId(RuntimeNetwork network);
}
