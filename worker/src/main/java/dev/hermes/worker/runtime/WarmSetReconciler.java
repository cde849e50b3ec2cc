package dev.hermes.worker.runtime;

import dev.hermes.schemas.StopReason;
import dev.hermes.worker.docker.ContainerInfo;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the warm set with one list of the fleet's running containers and drops every runtime whose container is
 * not running (or runs under another id): a death the event stream missed. Each one dropped is told to the listener
 * as DIED, with its exit code when Docker still has the container. A warm runtime whose container is paused (a pause
 * event the stream missed) moves to the paused set; a paused one whose container no longer runs leaves it. Run after
 * the event stream (re)opens, and when partitions are gained.
 */
public final class WarmSetReconciler {
    private static final Logger log = LoggerFactory.getLogger(WarmSetReconciler.class);
    private final Docker docker;
    private final String fleet;
    private final RuntimeRegistry registry;
    private final RuntimeDeathListener listener;
    private final Clock clock;

    public WarmSetReconciler(
            Docker docker, String fleet, RuntimeRegistry registry, RuntimeDeathListener listener, Clock clock) {
        this.docker = docker;
        this.fleet = fleet;
        this.registry = registry;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Returns how many runtimes were dropped. No Docker call while the warm set is empty.
     *
     * @throws dev.hermes.worker.docker.DockerCallFailedException when Docker does not answer the list
     */
    public synchronized int reconcile() {
        // taken before the list: a runtime put after it may run a container the list does not show yet
        List<Runtime> known = List.copyOf(registry.all());
        List<PausedRuntime> knownPaused = List.copyOf(registry.allPaused());
        if (known.isEmpty() && knownPaused.isEmpty()) {
            return 0;
        }
        Set<String> running = new HashSet<>();
        Set<String> paused = new HashSet<>();
        for (ContainerSummary container : docker.runningManaged(fleet)) {
            running.add(container.id());
            if (container.paused()) {
                paused.add(container.id());
            }
        }
        for (PausedRuntime p : knownPaused) {
            if (!running.contains(p.runtime().containerId())) {
                registry.removePaused(p);
            }
        }
        for (Runtime runtime : known) {
            if (paused.contains(runtime.containerId())) {
                registry.pause(runtime.userId(), runtime.containerId(), clock.instant());
            }
        }
        int dropped = 0;
        for (Runtime runtime : known) {
            if (!running.contains(runtime.containerId())
                    && registry.containerGone(runtime.userId(), runtime.containerId())
                            .isPresent()) {
                dropped++;
                log.info(
                        "runtime {} of user {} no longer runs (found by re-listing the fleet)",
                        runtime.containerName(),
                        runtime.userId());
                listener.died(runtime, StopReason.DIED, exitCodeOf(runtime), false);
            }
        }
        return dropped;
    }

    /** The exit code of a container that stopped, if it is still there to ask. */
    private Long exitCodeOf(Runtime runtime) {
        try {
            return docker.inspect(runtime.containerId())
                    .map(ContainerInfo::exitCode)
                    .filter(code -> code >= 0)
                    .orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
