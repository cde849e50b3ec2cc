package dev.hermes.worker.moves;

import dev.hermes.admin.FamilyMoves;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.consumer.PartitionListener;
import dev.hermes.worker.docker.hosts.MoveOutcome;
import dev.hermes.worker.docker.hosts.MoveTickets;
import dev.hermes.worker.docker.hosts.PlacementRefresh;
import dev.hermes.worker.docker.hosts.VolumeMover;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.lanes.KeyedExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the family moves operators ask for ({@code ops/hermes hosts move}, rows of family_moves): every
 * HERMES_MOVE_POLL_SEC it reads the pending moves and queues each one whose family's partition this worker owns (and
 * has restored) into the family's lane, so no ensure of that family runs meanwhile; one move per family at a time.
 * With one engine there is nowhere to move: such rows are finished FAILED {@code ONE_HOST}. PostgreSQL down skips the
 * round. As a {@link PartitionListener}, it lists the engines again for gained partitions ({@link PlacementRefresh})
 * and aborts the moves of released ones ({@link MoveTickets}).
 */
public final class MoveWatcher implements PartitionListener {
    private static final Logger log = LoggerFactory.getLogger(MoveWatcher.class);
    private final FamilyMoves moves;
    private final VolumeMover mover;
    private final PlacementRefresh refresh;
    private final KeyedExecutor<UserId> lanes;
    private final LifecycleAudit audit;
    private final IntSupplier partitionCount;
    private final Clock clock;
    private final Duration releaseWait;
    private final Duration expireAfter;
    private final MoveTickets tickets = new MoveTickets();
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private volatile boolean postgresDown;

    /**
     * @param mover null with one engine (the rows are finished FAILED ONE_HOST)
     * @param refresh null with one engine
     * @param releaseWait how long a released partition waits for its moves past the gate
     * @param expireAfter a move still pending this long after it was asked for fails EXPIRED at its next try
     */
    public MoveWatcher(
            FamilyMoves moves,
            VolumeMover mover,
            PlacementRefresh refresh,
            KeyedExecutor<UserId> lanes,
            LifecycleAudit audit,
            IntSupplier partitionCount,
            Clock clock,
            Duration releaseWait,
            Duration expireAfter) {
        this.moves = moves;
        this.mover = mover;
        this.refresh = refresh;
        this.lanes = lanes;
        this.audit = audit;
        this.partitionCount = partitionCount;
        this.clock = clock;
        this.releaseWait = releaseWait;
        this.expireAfter = expireAfter;
    }

    /** One round: reads the pending moves and queues those of this worker's families; returns how many it queued. */
    public int poll() {
        List<FamilyMoves.Move> pending;
        try {
            pending = moves.pending();
        } catch (RuntimeException e) {
            if (!postgresDown) {
                log.warn(
                        "reading the pending family moves failed (skipped until PostgreSQL answers): {}",
                        e.getMessage());
            }
            postgresDown = true;
            return 0;
        }
        postgresDown = false;
        int queued = 0;
        for (FamilyMoves.Move move : pending) {
            UserId user;
            try {
                user = UserId.of(move.userId());
            } catch (RuntimeException e) {
                finish(move, FamilyMoves.State.FAILED, null, "INVALID_USER_ID: " + e.getMessage());
                continue;
            }
            if (mover == null) {
                finish(move, FamilyMoves.State.FAILED, null, "ONE_HOST: HERMES_DOCKER_HOSTS lists one engine");
                continue;
            }
            int partition = Partitions.of(user, partitionCount.getAsInt());
            if (!ready.contains(partition)) {
                continue;
            }
            MoveTickets.Ticket ticket = tickets.open(user, partition);
            if (ticket != null) {
                lanes.submit(user, () -> run(move, user, ticket));
                queued++;
            }
        }
        return queued;
    }

    private void run(FamilyMoves.Move move, UserId user, MoveTickets.Ticket ticket) {
        try {
            if (ticket.aborted()) {
                return; // its partition went: the next owner moves it
            }
            MoveOutcome outcome = mover.move(user, move.fromHost(), ticket);
            switch (outcome.kind()) {
                case MOVED -> {
                    if (outcome.fresh()) {
                        audit.record(
                                user,
                                null,
                                new RuntimeFact.Moved(
                                        clock.instant(),
                                        user.containerName(),
                                        move.fromHost(),
                                        outcome.toHost(),
                                        outcome.bytesCopied(),
                                        outcome.tookMs(),
                                        move.requestedBy()));
                        log.info(
                                "moved user={} from Docker host {} to {} ({} bytes in {} ms)",
                                user,
                                move.fromHost(),
                                outcome.toHost(),
                                outcome.bytesCopied(),
                                outcome.tookMs());
                    }
                    finish(move, FamilyMoves.State.MOVED, outcome.toHost(), null);
                }
                case FAILED -> {
                    log.warn("move of user={} off Docker host {} failed: {}", user, move.fromHost(), outcome.reason());
                    finish(move, FamilyMoves.State.FAILED, null, outcome.reason());
                }
                case RETRY -> retryOrExpire(move, user, outcome.reason());
            }
        } catch (RuntimeException e) {
            retryOrExpire(move, user, e.toString());
        } finally {
            ticket.close();
        }
    }

    /** A transient failure: tried again at the next round, unless the move has been pending too long. */
    private void retryOrExpire(FamilyMoves.Move move, UserId user, String why) {
        Duration pending = Duration.between(move.requestedAt(), clock.instant());
        if (pending.compareTo(expireAfter) < 0) {
            log.info("move of user={} off {} tried again later: {}", user, move.fromHost(), why);
            return;
        }
        String reason =
                "EXPIRED: still pending " + pending.toSeconds() + " s after it was asked for (HERMES_MOVE_EXPIRE_SEC "
                        + expireAfter.toSeconds() + "); the family stays on " + move.fromHost() + "; last try: " + why;
        log.warn("move of user={} off {} given up: {}", user, move.fromHost(), reason);
        finish(move, FamilyMoves.State.FAILED, null, reason);
    }

    private void finish(FamilyMoves.Move move, FamilyMoves.State state, String toHost, String reason) {
        try {
            moves.finish(move.userId(), move.fromHost(), state, toHost, reason, clock.instant());
        } catch (RuntimeException e) {
            // the row stays PENDING: the next round finds the family moved (or fails it again) and finishes it
            log.warn("finishing the move of {} failed: {}", move.userId(), e.getMessage());
        }
    }

    /** Lists the engines again for the gained partitions' families, then lets their moves be queued. */
    @Override
    public void restore(Set<Integer> partitions) {
        if (refresh != null) {
            int count = partitionCount.getAsInt();
            try {
                refresh.refresh(user -> partitions.contains(Partitions.of(user, count)));
            } catch (RuntimeException e) {
                log.warn(
                        "listing the Docker hosts again for gained partitions {} failed: {}",
                        partitions,
                        e.getMessage());
            }
        }
        ready.addAll(partitions);
    }

    /** Aborts the released partitions' moves; waits for those already removing their source. */
    @Override
    public void released(Set<Integer> partitions) {
        ready.removeAll(partitions);
        tickets.released(partitions, releaseWait.toMillis());
    }

    public int inFlight() {
        return tickets.inFlight();
    }
}
