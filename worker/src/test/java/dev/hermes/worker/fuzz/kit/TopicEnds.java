package dev.hermes.worker.fuzz.kit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/** Every topic's total end offset (Kafka's own {@code __} topics left out), to see which topics a run wrote to. */
public final class TopicEnds {
    private TopicEnds() {}

    public static Map<String, Long> snapshot(Admin admin) {
        try {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(false))
                    .names()
                    .get(20, TimeUnit.SECONDS);
            Map<String, TopicDescription> described =
                    admin.describeTopics(names).allTopicNames().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> ends = new TreeMap<>();
            names.stream().filter(n -> !n.startsWith("__")).forEach(n -> ends.put(n, 0L));
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> {
                if (!tp.topic().startsWith("__")) {
                    ends.merge(tp.topic(), info.offset(), Long::sum);
                }
            });
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics' end offsets: " + e, e);
        }
    }

    /** The topics, new or old, that grew between the two snapshots and are not in {@code allowed}. */
    public static FuzzVerdict onlyAllowedGrew(Map<String, Long> before, Map<String, Long> after, Set<String> allowed) {
        List<String> offenders = new ArrayList<>();
        after.forEach((topic, end) -> {
            Long was = before.get(topic);
            if (!allowed.contains(topic) && (was == null || end > was)) {
                offenders.add(topic + ": " + (was == null ? "new topic" : was) + " -> " + end);
            }
        });
        return FuzzVerdict.of("nothing written outside " + new java.util.TreeSet<>(allowed), offenders);
    }

    /**
     * How many of the batch's records the consumer group has not committed yet. Records written after the
     * batch (a warm probe's requests, say) do not count, so this reaches 0 while other traffic goes on.
     */
    public static long notCommitted(Admin admin, String group, List<FuzzSent> sent) {
        try {
            Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(20, TimeUnit.SECONDS);
            return sent.stream()
                    .filter(s -> {
                        var done = committed.get(new TopicPartition(s.topic(), s.partition()));
                        return done == null || done.offset() <= s.offset();
                    })
                    .count();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the committed offsets of group " + group + ": " + e, e);
        }
    }
}
