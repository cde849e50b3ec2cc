package dev.hermes.worker.consumer;

/**
 * Offsets of one partition that were received and not yet finished. The committable offset is the
 * lowest unfinished one, so a crash replays unfinished work and never skips it.
 *
 * <p>A consumer receives a partition's offsets in increasing order, so they are kept in a ring in that
 * order with a count of unfinished handlings each: receiving appends, finishing counts down (a binary
 * search) and moves the head past every finished offset. No boxing and no tree nodes on a path taken for
 * every record. If the consumer ever goes back (an offset reset re-delivers records), the offset is
 * counted again or inserted in order: slower, and correct.
 */
public final class PartitionProgress {
    private long[] offsets = new long[64];
    private int[] pending = new int[64];
    private int head;
    private int size;
    private int unfinished;
    private int unhandled;
    private long next = -1;
    private long committed = -1;

    public synchronized void received(long offset) {
        unfinished++;
        unhandled++;
        if (offset < next) {
            receivedAgain(offset);
            return;
        }
        if (size == offsets.length) {
            grow();
        }
        int slot = (head + size) & (offsets.length - 1);
        offsets[slot] = offset;
        pending[slot] = 1;
        size++;
        next = offset + 1;
    }

    /** An offset at or below one received before: count it again, or put it back in order. */
    private void receivedAgain(long offset) {
        int slot = slotOf(offset);
        if (slot >= 0) {
            pending[slot]++;
            return;
        }
        if (size == offsets.length) {
            grow();
        }
        int mask = offsets.length - 1;
        int at = 0;
        while (at < size && offsets[(head + at) & mask] < offset) {
            at++;
        }
        for (int i = size; i > at; i--) {
            offsets[(head + i) & mask] = offsets[(head + i - 1) & mask];
            pending[(head + i) & mask] = pending[(head + i - 1) & mask];
        }
        offsets[(head + at) & mask] = offset;
        pending[(head + at) & mask] = 1;
        size++;
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
        if (slot < 0 || pending[slot] == 0) {
            return;
        }
        pending[slot]--;
        unfinished--;
        int mask = offsets.length - 1;
        while (size > 0 && pending[head] == 0) {
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
        int[] biggerPending = new int[biggerOffsets.length];
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & (offsets.length - 1);
            biggerOffsets[i] = offsets[slot];
            biggerPending[i] = pending[slot];
        }
        offsets = biggerOffsets;
        pending = biggerPending;
        head = 0;
    }
}
