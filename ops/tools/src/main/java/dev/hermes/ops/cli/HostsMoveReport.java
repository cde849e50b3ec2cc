package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.ops.move.MoveCandidates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What `hosts move` prints: as text, a line per family as it is asked for, skipped and finished, then a summary; with
 * {@code --json}, one document at the end. Also decides the exit code (see {@link HostsMoveCommand}).
 */
final class HostsMoveReport {
    static final int PENDING = 3;
    private final CliContext context;
    private final JsonOutput json;
    private final String host;
    private final MoveCandidates.Listing listing;
    private final List<MoveCandidates.Stopped> chosen;
    private final ObjectNode document;
    private final Map<String, Boolean> requested = new HashMap<>();

    HostsMoveReport(
            CliContext context,
            JsonOutput json,
            String host,
            String fleet,
            boolean drained,
            MoveCandidates.Listing listing,
            List<MoveCandidates.Stopped> chosen) {
        this.context = context;
        this.json = json;
        this.host = host;
        this.listing = listing;
        this.chosen = chosen;
        this.document = JsonOutput.object()
                .put("host", host)
                .put("fleet", fleet)
                .put("drained", drained)
                .put("stopped", listing.stopped().size());
        text(String.format(
                "%s: %d stopped %s, asking for %d move%s; %d running or paused skipped",
                host,
                listing.stopped().size(),
                listing.stopped().size() == 1 ? "family" : "families",
                chosen.size(),
                chosen.size() == 1 ? "" : "s",
                listing.live().size()));
    }

    /** {@code fresh}: false when a move of the family was pending already (that one is kept and followed). */
    void requested(MoveCandidates.Stopped family, boolean fresh) {
        requested.put(family.user().value(), fresh);
        text(family.user() + " REQUESTED" + (fresh ? "" : " (a move was pending already)") + ", stopped "
                + (family.stoppedAt().equals(Instant.EPOCH) ? "before it ever started" : family.stoppedAt()));
    }

    void skipped() {
        for (MoveCandidates.Live live : listing.live()) {
            text(live.user() + " SKIPPED " + live.state() + ": it moves once stopped (ops/hermes has no stop "
                    + "command; its worker stops it once idle, see RUNTIME_IDLE_SEC and RUNTIME_STOP_SEC)");
        }
    }

    void waiting(Duration timeout) {
        text("waiting up to " + timeout.toSeconds() + " s for the owning workers' answers");
    }

    void finished(FamilyMoves.Move move) {
        text(
                move.state() == FamilyMoves.State.MOVED
                        ? move.userId() + " MOVED " + move.fromHost() + " -> " + move.toHost()
                        : move.userId() + " FAILED " + move.reason());
    }

    /** Prints the summary (and with --json the document); returns the exit code. */
    int summary(List<FamilyMoves.Move> outcome, boolean waited) {
        Map<String, FamilyMoves.Move> byUser = new HashMap<>();
        outcome.forEach(move -> byUser.put(move.userId(), move));
        int moved = 0;
        int failed = 0;
        int pending = 0;
        ArrayNode families = document.putArray("families");
        for (MoveCandidates.Stopped family : chosen) {
            FamilyMoves.Move move = byUser.get(family.user().value());
            FamilyMoves.State state = move == null ? FamilyMoves.State.PENDING : move.state();
            switch (state) {
                case MOVED -> moved++;
                case FAILED -> failed++;
                default -> pending++;
            }
            families.addObject()
                    .put("userId", family.user().value())
                    .put(
                            "stoppedAt",
                            family.stoppedAt().equals(Instant.EPOCH)
                                    ? null
                                    : family.stoppedAt().toString())
                    .put("requested", requested.getOrDefault(family.user().value(), false))
                    .put("state", state.name())
                    .put("toHost", move == null ? null : move.toHost())
                    .put("reason", move == null ? null : move.reason());
        }
        ArrayNode skipped = document.putArray("skipped");
        listing.live()
                .forEach(live ->
                        skipped.addObject().put("userId", live.user().value()).put("state", live.state()));
        document.put("waited", waited);
        document.putObject("summary")
                .put("moved", moved)
                .put("failed", failed)
                .put("pending", pending)
                .put("skipped", listing.live().size());
        if (json.enabled()) {
            JsonOutput.print(document, context.out());
        } else if (!waited && pending > 0) {
            text(pending + " moves asked for off " + host + "; `ops/hermes hosts list` shows how many are pending");
        } else {
            text(String.format(
                    "%s: %d moved, %d failed, %d still pending, %d skipped",
                    host, moved, failed, pending, listing.live().size()));
        }
        return failed > 0 ? HermesCli.FAILED : waited && pending > 0 ? PENDING : 0;
    }

    private void text(String line) {
        if (!json.enabled()) {
            context.out().println(line);
        }
    }
}
