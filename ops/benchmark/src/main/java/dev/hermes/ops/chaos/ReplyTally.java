package dev.hermes.ops.chaos;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Accounts for the requests the client gave up on at their deadline. Reads, from the start, the replies
 * partition the load's client uses (an answer there came late) and the events topic (the workers' audit:
 * an answer audited but not on the replies topic was ensured after its deadline, and the worker sends no
 * reply then, by design), until every such request is found or the grace period is over; on an overloaded machine
 * the backlog may take longer, so while answers keep coming in the wait goes on (up to 5 min). What neither topic
 * has by then is lost.
 */
final class ReplyTally {
    /** After the grace, the wait goes on while answers still come in: this long after the last one, ... */
    private static final Duration STILL_ANSWERING = Duration.ofSeconds(30);
    /** ... and at most this long in all. */
    private static final Duration STILL_ANSWERING_CAP = Duration.ofMinutes(5);

    private final String bootstrap;
    private final String repliesTopic;
    private final String eventsTopic;
    private final EventCodec codec = new EventCodec();

    ReplyTally(String bootstrap, String repliesTopic, String eventsTopic) {
        this.bootstrap = bootstrap;
        this.repliesTopic = repliesTopic;
        this.eventsTopic = eventsTopic;
    }

    /** Each request with its final status. */
    List<Outcome> settle(List<Sent> sent, Duration grace) {
        Set<UUID> waiting =
                sent.stream().map(Sent::correlationId).filter(id -> id != null).collect(Collectors.toSet());
        Map<UUID, Answer> replies = new HashMap<>();
        Map<UUID, Answer> audited = new HashMap<>();
        if (!waiting.isEmpty()) {
            try (KafkaConsumer<byte[], byte[]> consumer =
                    KafkaAccess.of(bootstrap).openReader("chaos-tally")) {
                List<TopicPartition> partitions = new ArrayList<>();
                partitions.add(new TopicPartition(repliesTopic, 0));
                consumer.partitionsFor(eventsTopic)
                        .forEach(p -> partitions.add(new TopicPartition(eventsTopic, p.partition())));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                long start = System.nanoTime();
                long until = start + grace.toNanos();
                long cap = start + STILL_ANSWERING_CAP.toNanos();
                while (!allFound(waiting, replies, audited) && System.nanoTime() < until) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        Answer answer = answer(record);
                        if (answer == null || !waiting.contains(answer.correlationId())) {
                            continue;
                        }
                        Map<UUID, Answer> found = record.topic().equals(repliesTopic) ? replies : audited;
                        boolean fresh = found.putIfAbsent(answer.correlationId(), answer) == null;
                        if (fresh && System.nanoTime() > start + grace.toNanos() / 2) {
                            // the fleet is still answering this scenario's backlog: a request is lost only if
                            // it stays unanswered once the answers stop coming
                            until = Math.max(until, Math.min(cap, System.nanoTime() + STILL_ANSWERING.toNanos()));
                        }
                    }
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Sent s : sent) {
            UUID id = s.correlationId();
            outcomes.add(Outcome.of(s, id == null ? null : replies.get(id), id == null ? null : audited.get(id)));
        }
        return outcomes;
    }

    private static boolean allFound(Set<UUID> waiting, Map<UUID, Answer> replies, Map<UUID, Answer> audited) {
        return waiting.stream().allMatch(id -> replies.containsKey(id) || audited.containsKey(id));
    }

    private Answer answer(ConsumerRecord<byte[], byte[]> record) {
        try {
            Event event = codec.decode(record.value());
            if (event instanceof RuntimeReady ready) {
                return new Answer(ready.correlationId(), record.timestamp(), false);
            }
            if (event instanceof RuntimeFailed failed) {
                return new Answer(failed.correlationId(), record.timestamp(), true);
            }
        } catch (RuntimeException e) {
            // not an answer
        }
        return null;
    }

    /** An answer found on a topic: to which request, when it was written, whether it was RuntimeFailed. */
    record Answer(UUID correlationId, long atMs, boolean failed) {}
}
