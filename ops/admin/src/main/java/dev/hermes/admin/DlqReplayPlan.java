package dev.hermes.admin;

import dev.hermes.schemas.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which DLQ records a replay sends, and where: each to the topic and partition in its
 * {@code hermes.dlq.source}. A source dead-lettered more than once (a record read again after a worker
 * restart) is sent once, from its newest DLQ record. Records with no usable source, or whose source is not
 * a topic of this deployment (or is the DLQ itself), are skipped with the reason.
 */
public record DlqReplayPlan(List<Send> sends, List<Skip> skips, int duplicatesIgnored) {

    public record Send(DlqRecord record, DlqSource to) {}

    public record Skip(DlqRecord record, String why) {}

    /** Every record in {@code dlq} (oldest first, as {@link DeadLetters#list} returns them). */
    public static DlqReplayPlan all(List<DlqRecord> dlq, Topics topics) {
        return of(dlq, topics);
    }

    /** The record(s) whose source is {@code source}; an empty plan when there is none. */
    public static DlqReplayPlan forSource(List<DlqRecord> dlq, DlqSource source, Topics topics) {
        return of(dlq.stream().filter(r -> source.equals(r.parsedSource())).toList(), topics);
    }

    private static DlqReplayPlan of(List<DlqRecord> records, Topics topics) {
        Map<DlqSource, DlqRecord> newestBySource = new LinkedHashMap<>();
        List<Skip> skips = new ArrayList<>();
        int duplicates = 0;
        for (DlqRecord record : records) {
            DlqSource source = record.parsedSource();
            String refusal = refusal(record, source, topics);
            if (refusal != null) {
                skips.add(new Skip(record, refusal));
            } else if (newestBySource.put(source, record) != null) {
                duplicates++;
            }
        }
        List<Send> sends = newestBySource.entrySet().stream()
                .map(e -> new Send(e.getValue(), e.getKey()))
                .toList();
        return new DlqReplayPlan(sends, skips, duplicates);
    }

    private static String refusal(DlqRecord record, DlqSource source, Topics topics) {
        if (source == null) {
            return "no usable " + DlqRecord.SOURCE + " header (" + record.source() + ")";
        }
        if (!source.topic().startsWith(topics.prefix()) || source.topic().equals(topics.dlq())) {
            return "source topic " + source.topic() + " is not a topic of this deployment (prefix '" + topics.prefix()
                    + "')";
        }
        return null;
    }

    public boolean isEmpty() {
        return sends.isEmpty() && skips.isEmpty();
    }
}
