package dev.hermes.worker.consumer;

import java.util.Set;

/**
 * Told by the poll loop when request partitions come and go. {@link #restore} runs on the poll thread
 * while the partition is paused; the partition resumes only after it returns.
 */
public interface PartitionListener {
    void restore(Set<Integer> partitions);

    void released(Set<Integer> partitions);

    PartitionListener NONE = new PartitionListener() {
        @Override
        public void restore(Set<Integer> partitions) {}

        @Override
        public void released(Set<Integer> partitions) {}
    };
}
