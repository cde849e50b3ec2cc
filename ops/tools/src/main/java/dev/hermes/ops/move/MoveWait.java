package dev.hermes.ops.move;

import dev.hermes.admin.FamilyMoves;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Waits for asked-for moves to finish: reads their rows every {@code poll} until none is pending or {@code timeout}
 * has passed, handing each move to {@code finished} once, as it finishes. The rows are the owning workers' answer
 * (MOVED or FAILED); a move nobody carries out stays PENDING.
 */
public final class MoveWait {
    private final Function<Collection<String>, List<FamilyMoves.Move>> read;
    private final Clock clock;
    private final Duration poll;

    /** {@code read}: the moves of these families (FamilyMoves::of). */
    public MoveWait(Function<Collection<String>, List<FamilyMoves.Move>> read, Clock clock, Duration poll) {
        this.read = read;
        this.clock = clock;
        this.poll = poll;
    }

    /** Every family's move as last read, in the order of {@code users} (one asked for again elsewhere: as read). */
    public List<FamilyMoves.Move> await(List<String> users, Duration timeout, Consumer<FamilyMoves.Move> finished)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Set<String> open = new HashSet<>(users);
        Map<String, FamilyMoves.Move> last = new HashMap<>();
        while (true) {
            for (FamilyMoves.Move move : read.apply(users)) {
                last.put(move.userId(), move);
                if (move.finished() && open.remove(move.userId())) {
                    finished.accept(move);
                }
            }
            if (open.isEmpty() || !clock.instant().isBefore(deadline)) {
                break;
            }
            Thread.sleep(Math.max(
                    1,
                    Math.min(
                            poll.toMillis(),
                            Duration.between(clock.instant(), deadline).toMillis())));
        }
        List<FamilyMoves.Move> result = new ArrayList<>();
        for (String user : users) {
            if (last.containsKey(user)) {
                result.add(last.get(user));
            }
        }
        return result;
    }
}
