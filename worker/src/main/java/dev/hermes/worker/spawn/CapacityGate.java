package dev.hermes.worker.spawn;

import dev.hermes.schemas.UserId;
import java.util.function.BooleanSupplier;

/**
 * Whether a cold start may add a running runtime to the Docker engine (HERMES_MAX_RUNTIMES). A family answered warm
 * never asks; a cold start holds a {@link Slot} from before its create or start until it ends, so that a burst of
 * cold starts cannot overshoot the bound.
 */
public interface CapacityGate {
    /**
     * A slot for {@code user}'s cold start, making room first if the engine is full (evicting an idle runtime).
     *
     * @param alreadyRunning asked only when the engine is full: whether the family's container runs already (an
     *     adoption adds nothing, so it needs no room)
     * @throws CapacityExceededException when the engine is full and no room could be made: nothing was started
     */
    Slot reserve(UserId user, BooleanSupplier alreadyRunning);

    /** A reserved place on the engine, released by {@link #close()} whether or not the start succeeded. */
    interface Slot extends AutoCloseable {
        /** The start made a container run: the engine's count keeps it after the slot is released. */
        void started();

        @Override
        void close();
    }

    /** A slot that holds nothing. */
    Slot NO_SLOT = new Slot() {
        @Override
        public void started() {}

        @Override
        public void close() {}
    };

    /** No bound at all: every cold start goes ahead (unit tests, tools). */
    static CapacityGate unbounded() {
        return (user, alreadyRunning) -> NO_SLOT;
    }
}
