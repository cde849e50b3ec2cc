package dev.hermes.worker.consumer;

/**
 * Offsets of one partition that were received and not yet finished. The committable offset is the
 * lowest unfinished one, so a crash replays unfinished work and never skips it.
 *
 * <p>A consumer receives a partition's offsets in increasing order, so they are kept in a ring in that
 * order with a done flag each: receiving appends, finishing marks (a binary search) and moves the head
 * past every finished offset. No boxing and no tree nodes on a path taken for every record.
 */
public final class PartitionProgress {
    private long[] offsets = new long[64];
    private boolean[] done = new boolean[64];
    private int head;
    private int size;
    private int unfinished;
    private int unhandled;
    private long next = -1;
    private long committed = -1;

    /** @throws IllegalStateException if {@code offset} is not after every offset received before */
    public synchronized void received(long offset) {
        if (offset < next) {
            throw new IllegalStateException("offset " + offset + " received after " + (next - 1));
        }
        if (size == offsets.length) {
            grow();
        }
        int slot = (head + size) & (offsets.length - 1);
        offsets[slot] = offset;
        done[slot] = false;
        size++;
        unfinished++;
        unhandled++;
        next = offset + 1;
    }

    /**
     * The record's handler returned: what is left is waiting for its writes to be acknowledged. Call once
     * per received record, before or with {@link #finished}.
     */
    public synchronized void handled() {
        unhandled--;
    }

    /** Received and not yet handled: queued on a lane or running. What backpressure bounds. */
    public synchronized int unhandled() {
        return unhandled;
    }

    public synchronized void finished(long offset) {
        int slot = slotOf(offset);
        if (slot < 0 || done[slot]) {
            return;
        }
        done[slot] = true;
        unfinished--;
        int mask = offsets.length - 1;
        while (size > 0 && done[head]) {
            head = (head + 1) & mask;
            size--;
        }
        if (unfinished == 0) {
            notifyAll();
        }
    }

    /** Received and not finished: not handled yet, or handled and waiting for its writes. */
    public synchronized int inFlight() {
        return unfinished;
    }

    /** The offset to commit, or -1 if nothing was received yet. */
    public synchronized long committable() {
        return size == 0 ? next : offsets[head];
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
        while (unfinished > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The ring slot holding {@code offset}, or -1: a binary search over the ring's sorted contents. */
    private int slotOf(long offset) {
        int mask = offsets.length - 1;
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int slot = (head + middle) & mask;
            long value = offsets[slot];
            if (value < offset) {
                low = middle + 1;
            } else if (value > offset) {
                high = middle - 1;
            } else {
                return slot;
            }
        }
        return -1;
    }

    private void grow() {
        long[] biggerOffsets = new long[offsets.length * 2];
        boolean[] biggerDone = new boolean[biggerOffsets.length];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (offsets.length - 1);
            biggerOffsets[i] = offsets[slot];
            biggerDone[i] = done[slot];
        }
        offsets = biggerOffsets;
        done = biggerDone;
        head = 0;
    }
}
