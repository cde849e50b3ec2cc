package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.admin.FamilyMoves.Move;
import dev.hermes.admin.FamilyMoves.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of the family_moves table on a real PostgreSQL: one pending move per family, finished once. */
class FamilyMovesIT {
    private static final Instant T = Instant.parse("2026-12-01T03:00:00.123456Z");
    private TestSchema schema;
    private Database database;
    private FamilyMoves moves;

    @BeforeEach
    void open() {
        schema = TestSchema.create();
        database = Database.open(schema.url(), "postgres", "", 2, Duration.ofSeconds(10));
        new Migrations(schema.dataSource()).migrate();
        moves = new FamilyMoves(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
        schema.close();
    }

    @Test
    void aRequestedMoveIsPendingWithWhenAndByWhom() {
        assertThat(moves.request("u1", "b", T, "ops-cli:root")).isTrue();

        assertThat(moves.pending())
                .containsExactly(new Move("u1", "b", T, "ops-cli:root", State.PENDING, null, null, null));
        assertThat(moves.of("u1")).map(Move::finished).contains(false);
    }

    @Test
    void aSecondRequestWhilePendingKeepsTheFirst() {
        moves.request("u1", "b", T, "first");

        assertThat(moves.request("u1", "a", T.plusSeconds(1), "second")).isFalse();
        assertThat(moves.of("u1").orElseThrow().requestedBy()).isEqualTo("first");
    }

    @Test
    void aFinishedMoveLeavesThePendingListAndCanBeAskedForAgain() {
        moves.request("u1", "b", T, "ops");
        moves.request("u2", "b", T.plusMillis(1), "ops");

        assertThat(moves.finish("u1", "b", State.MOVED, "a", null, T.plusSeconds(2)))
                .isTrue();
        assertThat(moves.finish("u2", "b", State.FAILED, null, "RUNNING: not stopped", T.plusSeconds(2)))
                .isTrue();

        assertThat(moves.pending()).isEmpty();
        assertThat(moves.of(List.of("u1", "u2", "u3")))
                .extracting(Move::userId, Move::state, Move::toHost, Move::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("u1", State.MOVED, "a", null),
                        org.assertj.core.groups.Tuple.tuple("u2", State.FAILED, null, "RUNNING: not stopped"));
        assertThat(moves.request("u1", "a", T.plusSeconds(3), "ops")).isTrue();
        assertThat(moves.of("u1").orElseThrow())
                .extracting(Move::state, Move::fromHost, Move::toHost)
                .containsExactly(State.PENDING, "a", null);
    }

    @Test
    void aMoveFinishesOnceAndOnlyOffTheHostItWasAskedFor() {
        moves.request("u1", "b", T, "ops");

        assertThat(moves.finish("u1", "a", State.MOVED, "c", null, T)).isFalse();
        assertThat(moves.finish("u1", "b", State.MOVED, "a", null, T)).isTrue();
        assertThat(moves.finish("u1", "b", State.FAILED, null, "late", T)).isFalse();
        assertThat(moves.of("u1").orElseThrow().state()).isEqualTo(State.MOVED);
        assertThatThrownBy(() -> moves.finish("u1", "b", State.PENDING, null, null, T))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
