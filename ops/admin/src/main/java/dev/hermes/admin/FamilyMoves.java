package dev.hermes.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Volume moves off a Docker host (table family_moves): asked for by ops/hermes ({@link #request}), carried out and
 * finished by each family's owning worker ({@link #pending}, {@link #finish}).
 */
public final class FamilyMoves {
    private static final String COLUMNS =
            "user_id, from_host, requested_at, requested_by, state, to_host, reason, finished_at";
    private final Jdbi jdbi;

    public FamilyMoves(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public enum State {
        PENDING,
        MOVED,
        FAILED
    }

    /** One family's move: asked for, and (once finished) where it went or why it did not. */
    public record Move(
            String userId,
            String fromHost,
            Instant requestedAt,
            String requestedBy,
            State state,
            String toHost,
            String reason,
            Instant finishedAt) {
        public boolean finished() {
            return state != State.PENDING;
        }
    }

    /**
     * Asks for the family's move off {@code fromHost}; a finished move of the family is asked for again. False when a
     * move of the family is pending already (that one is kept).
     */
    public boolean request(String userId, String fromHost, Instant at, String by) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO family_moves (user_id, from_host, requested_at, "
                                + "requested_by, state) VALUES (:user, :from, :at, :by, 'PENDING') "
                                + "ON CONFLICT (user_id) DO UPDATE SET from_host = :from, requested_at = :at, "
                                + "requested_by = :by, state = 'PENDING', to_host = NULL, reason = NULL, "
                                + "finished_at = NULL WHERE family_moves.state <> 'PENDING'")
                        .bind("user", userId)
                        .bind("from", fromHost)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .bind("by", by)
                        .execute())
                == 1;
    }

    /** The pending moves, oldest first. */
    public List<Move> pending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM family_moves WHERE state = 'PENDING' ORDER BY requested_at, user_id")
                .map((rs, ctx) -> move(rs))
                .list());
    }

    public Optional<Move> of(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM family_moves WHERE user_id = :user")
                .bind("user", userId)
                .map((rs, ctx) -> move(rs))
                .findOne());
    }

    /** The moves of these families (those with one), in no particular order. */
    public List<Move> of(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM family_moves WHERE user_id IN (<users>)")
                .bindList("users", List.copyOf(userIds))
                .map((rs, ctx) -> move(rs))
                .list());
    }

    /**
     * Finishes the family's pending move off {@code fromHost} as {@code state} (MOVED with {@code toHost}, FAILED with
     * {@code reason}). False when no such move is pending (finished already, or asked for again off another host).
     */
    public boolean finish(String userId, String fromHost, State state, String toHost, String reason, Instant at) {
        if (state == State.PENDING) {
            throw new IllegalArgumentException("a move finishes as MOVED or FAILED, not PENDING");
        }
        return jdbi.withHandle(h -> h.createUpdate("UPDATE family_moves SET state = :state, to_host = :to, "
                                + "reason = :reason, finished_at = :at WHERE user_id = :user "
                                + "AND from_host = :from AND state = 'PENDING'")
                        .bind("state", state.name())
                        .bind("to", toHost)
                        .bind("reason", reason)
                        .bind("at", at.atOffset(ZoneOffset.UTC))
                        .bind("user", userId)
                        .bind("from", fromHost)
                        .execute())
                == 1;
    }

    private static Move move(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new Move(
                rs.getString("user_id"),
                rs.getString("from_host"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getString("requested_by"),
                State.valueOf(rs.getString("state")),
                rs.getString("to_host"),
                rs.getString("reason"),
                finished == null ? null : finished.toInstant());
    }
}
