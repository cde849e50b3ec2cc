package dev.hermes.worker.consumer;

import java.util.TreeSet;

/**
 * Offsets of one partition that were received and not yet finished. The committable offset is the
 * lowest unfinished one, so a crash replays unfinished work and never skips it.
 */
public final class PartitionProgress {
    private final TreeSet<Long> unfinished = new TreeSet<>();
    private long next = -1;
    private long committed = -1;

    public synchronized void received(long offset) {
        unfinished.add(offset);
        next = Math.max(next, offset + 1);
    }

    public synchronized void finished(long offset) {
        unfinished.remove(offset);
        notifyAll();
    }

    public synchronized int inFlight() {
        return unfinished.size();
    }

    /** The offset to commit, or -1 if nothing was received yet. */
    public synchronized long committable() {
        return unfinished.isEmpty() ? next : unfinished.first();
    }

    /** True once if the committable offset moved since the last call. */
    public synchronized boolean advanced() {
        long now = committable();
        if (now > committed) {
            committed = now;
            return true;
        }
        return false;
    }

    /** Waits up to {@code millis} for every received record to finish; returns whether they did. */
    public synchronized boolean awaitDrained(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!unfinished.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
