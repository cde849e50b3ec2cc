package dev.hermes.worker.spawn;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A counting limiter whose limit may change while spawns wait: first come, first served (a newcomer never takes a
 * slot while anyone waits). Lowering the limit takes no slot back; the next releases just do not hand theirs on.
 */
public final class SpawnSlots {
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private int limit;
    private int inFlight;

    /** A held slot, and what the engine looked like when it was taken. */
    public record Slot(int inFlight, boolean allTaken) {}

    private static final class Waiter {
        final Condition turn;
        boolean granted;

        Waiter(Condition turn) {
            this.turn = turn;
        }
    }

    public SpawnSlots(int limit) {
        this.limit = requirePositive(limit);
    }

    /** Blocks until a slot is free and it is this caller's turn. */
    public Slot acquire() throws InterruptedException {
        lock.lock();
        try {
            boolean queued = !waiters.isEmpty() || inFlight >= limit;
            if (queued) {
                Waiter me = new Waiter(lock.newCondition());
                waiters.addLast(me);
                try {
                    while (!me.granted) {
                        me.turn.await();
                    }
                } catch (InterruptedException e) {
                    if (me.granted) {
                        inFlight--; // granted as we were interrupted: hand the slot on
                    } else {
                        waiters.remove(me);
                    }
                    grant();
                    throw e;
                }
            } else {
                inFlight++;
            }
            return new Slot(inFlight, queued || inFlight >= limit);
        } finally {
            lock.unlock();
        }
    }

    public void release() {
        lock.lock();
        try {
            if (inFlight == 0) {
                throw new IllegalStateException("a spawn slot was released that was never taken");
            }
            inFlight--;
            grant();
        } finally {
            lock.unlock();
        }
    }

    public void limit(int newLimit) {
        lock.lock();
        try {
            limit = requirePositive(newLimit);
            grant();
        } finally {
            lock.unlock();
        }
    }

    private void grant() {
        while (inFlight < limit && !waiters.isEmpty()) {
            Waiter next = waiters.removeFirst();
            next.granted = true;
            inFlight++;
            next.turn.signal();
        }
    }

    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    public int waiting() {
        lock.lock();
        try {
            return waiters.size();
        } finally {
            lock.unlock();
        }
    }

    private static int requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a spawn limit must be at least 1, got " + limit);
        }
        return limit;
    }
}
