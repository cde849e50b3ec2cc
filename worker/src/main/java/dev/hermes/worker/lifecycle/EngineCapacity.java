package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.DockerCallFailedException;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.spawn.CapacityExceededException;
import dev.hermes.worker.spawn.CapacityGate;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HERMES_MAX_RUNTIMES: how many runtimes may run on this Docker engine, every fleet's counted (memory is the host's).
 *
 * <p>Listing the engine's containers on every cold start would cost a Docker call each (10k runtimes: a big list), so
 * the count is an estimate: the last listing, plus this worker's starts and evictions since, plus the cold starts in
 * flight (each holds a slot from before its create until it ends, so a burst cannot overshoot). The first cold start
 * lists the engine; after that only one whose estimate reaches the bound lists it again (one call), and the
 * housekeeping tick. The estimate errs high (a
 * start in flight at a listing is counted twice until the next one; a reap or a crash elsewhere is seen at the next
 * listing), which costs a listing, never an overshoot. Several workers sharing an engine each count the others'
 * runtimes at their last listing, so together they overshoot by at most their cold starts in flight.
 *
 * <p>At the bound a cold start first evicts one of this worker's idle runtimes ({@link Evictor}); failing that it is
 * refused with {@link CapacityExceededException}.
 */
public final class EngineCapacity implements CapacityGate {
    private static final Logger log = LoggerFactory.getLogger(EngineCapacity.class);
    /** Evictions one cold start may try before giving up: each can lose its room to a concurrent start. */
    private static final int MOST_EVICTIONS_PER_START = 3;

    private final IntSupplier boundSource;
    private final IntSupplier runningOnEngine;
    private final Evictor evictor;
    private final Meters meters;
    /** 0 until {@link #boundSource} has answered (auto asks Docker, which may be down at start). */
    private int bound;

    private boolean everListed;
    private int listed;
    private int startedSinceListing;
    private int inFlight;

    /**
     * @param bound the most runtimes the engine may run
     * @param runningOnEngine one Docker list: the managed containers running on the engine, of every fleet
     */
    public EngineCapacity(int bound, IntSupplier runningOnEngine, Evictor evictor, Meters meters) {
        this(() -> bound, runningOnEngine, evictor, meters);
    }

    /**
     * @param boundSource the bound ({@link EngineBound#of}): asked now, and if that fails (Docker down at start) again at
     *     each cold start until it answers
     */
    public EngineCapacity(IntSupplier boundSource, IntSupplier runningOnEngine, Evictor evictor, Meters meters) {
        this.boundSource = boundSource;
        this.runningOnEngine = runningOnEngine;
        this.evictor = evictor;
        this.meters = meters;
        try {
            bound();
        } catch (DockerCallFailedException e) {
            log.warn(
                    "HERMES_MAX_RUNTIMES: cannot ask Docker yet ({}); asking again at the first cold start",
                    e.getMessage());
        }
    }

    /** The bound, asked of its source the first time (and until it answers). */
    public synchronized int bound() {
        if (bound == 0) {
            int asked = boundSource.getAsInt();
            if (asked < 1) {
                throw new IllegalArgumentException("HERMES_MAX_RUNTIMES must be at least 1, got " + asked);
            }
            bound = asked;
        }
        return bound;
    }

    /** The bound once known, else 0: for the gauge, which must not call Docker. */
    public synchronized int knownBound() {
        return bound;
    }

    @Override
    public Slot reserve(UserId user, BooleanSupplier alreadyRunning) {
        if (tryReserve(false) || tryReserve(true)) {
            return new Reserved();
        }
        if (alreadyRunning.getAsBoolean()) {
            return NO_SLOT; // an adoption of a running container adds nothing to the engine
        }
        Evictor.Attempt attempt = null;
        for (int i = 0; i < MOST_EVICTIONS_PER_START; i++) {
            attempt = evictor.evictOne(user);
            if (!attempt.evicted()) {
                break;
            }
            stoppedOne();
            if (tryReserve(false) || tryReserve(true)) {
                return new Reserved();
            }
        }
        int running;
        synchronized (this) {
            running = listed + startedSinceListing;
        }
        throw new CapacityExceededException(
                bound(), running, attempt == null || attempt.evicted() ? Evictor.LEAST_RETRY : attempt.retryAfter());
    }

    /** Lists the engine again (also the housekeeping tick): corrects what the estimate cannot see. */
    public synchronized void recount() {
        meters.docker().called();
        listed = runningOnEngine.getAsInt();
        startedSinceListing = 0;
        everListed = true;
    }

    /** How many runtimes the engine runs as far as this worker knows, cold starts in flight included. */
    public synchronized int estimate() {
        return listed + startedSinceListing + inFlight;
    }

    private synchronized boolean tryReserve(boolean relist) {
        if (relist || !everListed) {
            recount(); // the first cold start learns what runs already: other fleets, earlier workers
        }
        if (estimate() >= bound()) {
            return false;
        }
        inFlight++;
        return true;
    }

    private synchronized void stoppedOne() {
        startedSinceListing--;
    }

    private synchronized void ended(boolean started) {
        inFlight--;
        if (started) {
            startedSinceListing++;
        }
    }

    /** One cold start's place on the engine. */
    private final class Reserved implements Slot {
        private boolean started;
        private boolean closed;

        @Override
        public void started() {
            started = true;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                ended(started);
            }
        }
    }

    @Override
    public String toString() {
        return "EngineCapacity[bound=" + knownBound() + ", estimate=" + estimate() + "]";
    }
}
