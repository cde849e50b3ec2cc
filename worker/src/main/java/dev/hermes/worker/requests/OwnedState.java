package dev.hermes.worker.requests;

import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.activity.StateRestorer;
import dev.hermes.worker.consumer.PartitionListener;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.util.Set;

/**
 * Restores a gained partition's activity and drops a released partition's families from memory. After a gain it asks
 * for the warm set to be reconciled with Docker ({@code onGained}, which only queues it: this runs on the poll thread).
 */
public final class OwnedState implements PartitionListener {
    private final StateRestorer restorer;
    private final ActivityTracker activity;
    private final RuntimeRegistry registry;
    private final Runnable onGained;
    private final PartitionListener also;

    public OwnedState(StateRestorer restorer, ActivityTracker activity, RuntimeRegistry registry) {
        this(restorer, activity, registry, () -> {});
    }

    public OwnedState(StateRestorer restorer, ActivityTracker activity, RuntimeRegistry registry, Runnable onGained) {
        this(restorer, activity, registry, onGained, PartitionListener.NONE);
    }

    /** @param also told first of each gain and release (the family moves, with several Docker hosts) */
    public OwnedState(
            StateRestorer restorer,
            ActivityTracker activity,
            RuntimeRegistry registry,
            Runnable onGained,
            PartitionListener also) {
        this.also = also;
        this.restorer = restorer;
        this.activity = activity;
        this.registry = registry;
        this.onGained = onGained;
    }

    @Override
    public void restore(Set<Integer> partitions) {
        also.restore(partitions);
        restorer.restore(partitions);
        onGained.run();
    }

    @Override
    public void released(Set<Integer> partitions) {
        also.released(partitions);
        registry.removeIf(user -> {
            ActivityTracker.Activity a = activity.get(user);
            return a == null || partitions.contains(a.partition());
        });
        activity.releasePartitions(partitions);
    }
}
