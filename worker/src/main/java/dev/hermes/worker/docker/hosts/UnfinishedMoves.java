package dev.hermes.worker.docker.hosts;

import dev.hermes.schemas.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rule that keeps an interrupted volume move from being trusted. A move makes the family's volume on the target
 * labelled {@value #LABEL_MOVE_FROM}{@code =<source>} (and {@value #LABEL_MOVE_AT}, when the copy began) and removes
 * the source's volume only once the copy is whole. So while the source still holds the family's volume, a labelled
 * volume naming it is an unfinished copy: never served, removed by the family's owner. After a finished move the label
 * stays (Docker cannot change a volume's labels) but names a host without the volume, and means nothing. When two
 * volumes name each other (a family moved a to b, then b to a and interrupted), the one whose copy began later is the
 * unfinished one.
 */
final class UnfinishedMoves {
    static final String LABEL_MOVE_FROM = "hermes.move-from";
    static final String LABEL_MOVE_AT = "hermes.move-at";
    static final String LABEL_CARRIER = "hermes.move-carrier";
    /** A carrier container's name: this prefix and the family's hex (never the family prefix: it is no family). */
    static final String CARRIER_PREFIX = "hermes-move-";

    private UnfinishedMoves() {}

    /** The name of the family's move carriers (one per host during a copy). */
    static String carrierName(UserId user) {
        return CARRIER_PREFIX + user.hex();
    }

    /**
     * @param home the host whose volume is the family's; empty when no host holds one, or when {@code doubtful}
     * @param unfinished hosts whose volume of the family is an unfinished copy
     * @param doubtful a volume names as its source a host that did not answer: where the family lives is not known
     */
    record Verdict(Optional<String> home, Set<String> unfinished, boolean doubtful) {}

    /**
     * @param volumes the hosts that hold the family's volume, with its labels there
     * @param silent hosts that did not answer (whether they hold it is not known)
     * @param order the configured hosts, in order: with two plain volumes the first listed wins
     */
    static Verdict judge(Map<String, Map<String, String>> volumes, Set<String> silent, List<String> order) {
        Set<String> unfinished = new LinkedHashSet<>();
        boolean doubtful = false;
        for (var entry : volumes.entrySet()) {
            String host = entry.getKey();
            String from = entry.getValue().get(LABEL_MOVE_FROM);
            if (from == null || from.equals(host) || !order.contains(from)) {
                continue;
            }
            Map<String, String> source = volumes.get(from);
            if (source != null) {
                boolean sourceIsTheNewerCopy =
                        host.equals(source.get(LABEL_MOVE_FROM)) && movedAt(source) > movedAt(entry.getValue());
                if (!sourceIsTheNewerCopy) {
                    unfinished.add(host);
                }
            } else if (silent.contains(from)) {
                doubtful = true;
            }
        }
        Optional<String> home = doubtful
                ? Optional.empty()
                : order.stream()
                        .filter(h -> volumes.containsKey(h) && !unfinished.contains(h))
                        .findFirst();
        return new Verdict(home, Set.copyOf(unfinished), doubtful);
    }

    /** Whether the volume's labels say it was made by a move (a copy that may be unfinished). */
    static boolean movedHere(Map<String, String> labels, String host) {
        String from = labels.get(LABEL_MOVE_FROM);
        return from != null && !from.equals(host);
    }

    private static long movedAt(Map<String, String> labels) {
        try {
            return Long.parseLong(labels.getOrDefault(LABEL_MOVE_AT, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
