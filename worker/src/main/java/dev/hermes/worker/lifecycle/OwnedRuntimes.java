package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The running runtimes this worker owns, found with one Docker list (the labels are the truth), and the
 * one way lifecycle work reaches them: through each family's lane, so it never interleaves with a
 * request, with a bound on how many run at once.
 */
public final class OwnedRuntimes {
    private final Docker docker;
    private final FleetScope scope;
    private final KeyedExecutor<UserId> lanes;
    private final Meters meters;

    /** A running container of the fleet whose family's partition this worker owns. */
    public record Owned(UserId user, ContainerSummary container) {}

    public OwnedRuntimes(Docker docker, FleetScope scope, KeyedExecutor<UserId> lanes, Meters meters) {
        this.docker = docker;
        this.scope = scope;
        this.lanes = lanes;
        this.meters = meters;
    }

    /** No Docker call at all while no partition is owned. */
    public List<Owned> list() {
        Set<Integer> owned = scope.ownedPartitions().get();
        if (owned.isEmpty()) {
            return List.of();
        }
        int partitions = scope.partitionCount().getAsInt();
        meters.docker().called();
        List<Owned> result = new ArrayList<>();
        for (ContainerSummary container : docker.runningManaged(scope.fleet())) {
            UserId user = ContainerLabels.user(container.labels());
            if (user != null && owned.contains(Partitions.of(user, partitions))) {
                result.add(new Owned(user, container));
            }
        }
        return result;
    }

    /**
     * Queues {@code work} on the lane of each runtime that {@code admit} accepts (asked just before it is
     * queued), holding one of {@code permits} until the work is done: this blocks while all are taken.
     * Returns how many were queued.
     */
    public int throughLanes(List<Owned> runtimes, Predicate<Owned> admit, Semaphore permits, Consumer<Owned> work)
            throws InterruptedException {
        int queued = 0;
        for (Owned runtime : runtimes) {
            if (!admit.test(runtime)) {
                continue;
            }
            permits.acquire();
            lanes.submit(runtime.user(), () -> {
                try {
                    work.accept(runtime);
                } finally {
                    permits.release();
                }
            });
            queued++;
        }
        return queued;
    }

    /**
     * Runs {@code work} at once on the calling thread while holding the runtime's lane, if nothing is queued or running
     * on it; returns false and does nothing otherwise (the family is busy: a request or another chore has it). Never
     * waits for a lane, so a caller that holds another family's lane cannot deadlock on it.
     */
    public boolean runNowIfLaneIdle(Owned runtime, Runnable work) {
        return lanes.runInlineIfIdle(runtime.user(), work);
    }
}
