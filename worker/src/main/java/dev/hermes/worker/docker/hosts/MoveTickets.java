package dev.hermes.worker.docker.hosts;

import dev.hermes.schemas.UserId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The moves queued or running on this worker, one per family, and the gate before a move's first removal on its
 * source host. When the family's partition is released, its moves are aborted: one that has not passed the gate never
 * will (it removes its copy and leaves the family whole on its host), and {@link #released} waits for those past it
 * (three Docker removals) so that the partition's next owner never sees a half-committed move.
 */
public final class MoveTickets {
    /** One family's move on this worker. */
    public final class Ticket {
        private final UserId user;
        private final int partition;
        private boolean aborted; // guarded by MoveTickets.this
        private boolean committing; // guarded by MoveTickets.this

        private Ticket(UserId user, int partition) {
            this.user = user;
            this.partition = partition;
        }

        /** Whether its partition was released since it was queued. */
        public boolean aborted() {
            synchronized (MoveTickets.this) {
                return aborted;
            }
        }

        /** Passes the gate: false (and it must not remove anything on the source) once aborted. */
        public boolean commit() {
            synchronized (MoveTickets.this) {
                if (aborted) {
                    return false;
                }
                committing = true;
                return true;
            }
        }

        /** The move ended (however it did): the family may be queued again. */
        public void close() {
            synchronized (MoveTickets.this) {
                committing = false;
                open.remove(user, this);
                MoveTickets.this.notifyAll();
            }
        }
    }

    private final Map<UserId, Ticket> open = new HashMap<>(); // guarded by this

    /** A ticket for the family's move, or null when one is queued or running already. */
    public synchronized Ticket open(UserId user, int partition) {
        if (open.containsKey(user)) {
            return null;
        }
        Ticket ticket = new Ticket(user, partition);
        open.put(user, ticket);
        return ticket;
    }

    /** Aborts the moves of these partitions and waits up to {@code waitMs} for those past the gate to finish. */
    public synchronized void released(Set<Integer> partitions, long waitMs) {
        for (Ticket t : open.values()) {
            if (partitions.contains(t.partition)) {
                t.aborted = true;
            }
        }
        long deadline = System.currentTimeMillis() + waitMs;
        while (open.values().stream().anyMatch(t -> t.committing && partitions.contains(t.partition))) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized int inFlight() {
        return open.size();
    }
}
