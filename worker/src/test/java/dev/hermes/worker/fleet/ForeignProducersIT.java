package dev.hermes.worker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.RawRequests;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Producers that are not Java: librdkafka (kcat, confluent-kafka-python) hashes keys with CRC32, not murmur2, so
 * their records land on another partition than the family's owner reads. Across 2 workers, such records are moved
 * once to the owner's partition and served there: a heartbeating family is never reaped by the other worker, and a
 * request is answered exactly once. Needs {@code kcat} and {@code python3-confluent-kafka} (Debian packages); each
 * test is skipped, saying so, where its tool is missing.
 */
@HermesStack.Use
class ForeignProducersIT {
    private static final Map<String, String> FAST_REAPING = Map.of(
            "RUNTIME_IDLE_SEC", "2", "HERMES_REAP_INTERVAL_SEC", "0.5", "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.5");

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void kcatHeartbeatsOnTheCrc32PartitionKeepARuntimeOwnedByTheOtherWorker(Stack stack) throws Exception {
        assumeTrue(works("kcat", "-V"), "kcat is not installed (apt-get install -y kcat)");
        List<Worker> workers = twoWorkers(stack);
        UserId user = userSplitBetween(stack, workers);
        int canonical = Partitions.of(user, Stack.PARTITIONS);
        int crc = crc32Partition(user);
        RuntimeClient client = stack.client();
        client.ensureRuntime(user, Duration.ofSeconds(60));
        String startedAt = startedAt(stack, user);
        RawRequests raw = new RawRequests(stack);
        stack.closeLater(raw);

        Instant until = Instant.now().plusSeconds(8);
        while (Instant.now().isBefore(until)) {
            kcat(stack, user.value(), raw.json(RawRequests.heartbeat(user, Instant.now())));
            await().pollDelay(Duration.ofMillis(700))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> true);
            assertThat(running(stack, user)).as("kept warm by kcat heartbeats").isTrue();
        }

        assertThat(startedAt(stack, user))
                .as("never reaped by the worker of the CRC32 partition")
                .isEqualTo(startedAt);
        List<ConsumerRecord<byte[], byte[]>> onCrc = onPartition(stack, crc, user);
        assertThat(onCrc).as("kcat used librdkafka's CRC32 partition").isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<ConsumerRecord<byte[], byte[]>> moved = onPartition(stack, canonical, user).stream()
                    .filter(r -> r.headers().lastHeader(EventPublisher.MOVED_FROM_HEADER) != null)
                    .toList();
            assertThat(moved).as("each moved exactly once").hasSize(onCrc.size());
            assertThat(moved)
                    .allSatisfy(
                            r -> assertThat(header(r)).startsWith(stack.topics().requests() + "-" + crc + "@"));
        });
    }

    @Test
    void aConfluentKafkaPythonRequestOnTheCrc32PartitionIsAnsweredExactlyOnce(Stack stack) throws Exception {
        String python = python();
        assumeTrue(
                python != null,
                "python3-confluent-kafka is not installed (apt-get install -y python3-confluent-kafka)");
        List<Worker> workers = twoWorkers(stack);
        UserId user = userSplitBetween(stack, workers);
        RawRequests raw = new RawRequests(stack);
        stack.closeLater(raw);
        RuntimeRequested request = RawRequests.request(
                user, stack.topics().replies(), 1, Instant.now().plusSeconds(60));

        Process p = new ProcessBuilder(
                        python,
                        "-c",
                        """
                import sys
                from confluent_kafka import Producer
                producer = Producer({'bootstrap.servers': sys.argv[1]})
                producer.produce(sys.argv[2], key=sys.argv[3], value=sys.argv[4])
                assert producer.flush(10) == 0
                """,
                        stack.bootstrapServers(),
                        stack.topics().requests(),
                        user.value(),
                        raw.json(request))
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        String correlation = request.correlationId().toString();
        await().atMost(Duration.ofSeconds(60)).until(() -> answers(stack, correlation) >= 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(answers(stack, correlation)).as("answered exactly once").isEqualTo(1);
        assertThat(onPartition(stack, crc32Partition(user), user))
                .as("python used librdkafka's CRC32 partition")
                .isNotEmpty();
        assertThat(TopicDump.values(stack.bootstrapServers(), stack.topics().replies()).stream()
                        .map(v -> new String(v, StandardCharsets.UTF_8))
                        .filter(v -> v.contains(correlation)))
                .singleElement()
                .asString()
                .contains("\"RuntimeReady\"");
    }

    private static List<Worker> twoWorkers(Stack stack) {
        List<Worker> workers = List.of(stack.startWorker(FAST_REAPING), stack.startWorker(FAST_REAPING));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> workers.stream()
                        .allMatch(w -> w.ready() && w.ownedPartitions().size() == Stack.PARTITIONS / 2));
        return workers;
    }

    /** A fresh family whose CRC32 partition and murmur2 partition belong to different workers. */
    private static UserId userSplitBetween(Stack stack, List<Worker> workers) {
        for (int i = 0; i < 10_000; i++) {
            UserId user = UserId.random();
            int canonical = Partitions.of(user, Stack.PARTITIONS);
            int crc = crc32Partition(user);
            if (ownerOf(workers, canonical) != ownerOf(workers, crc)) {
                stack.track(user);
                return user;
            }
        }
        throw new IllegalStateException("no user found whose two partitions have different owners");
    }

    private static Worker ownerOf(List<Worker> workers, int partition) {
        return workers.stream()
                .filter(w -> w.ownedPartitions().contains(partition))
                .findFirst()
                .orElseThrow();
    }

    /** librdkafka's default (consistent_random) partitioner for a keyed record: CRC32 of the key. */
    private static int crc32Partition(UserId user) {
        CRC32 crc = new CRC32();
        crc.update(user.value().getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % Stack.PARTITIONS);
    }

    private static void kcat(Stack stack, String key, String value) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "kcat",
                        "-b",
                        stack.bootstrapServers(),
                        "-t",
                        stack.topics().requests(),
                        "-P",
                        "-K",
                        "|")
                .redirectErrorStream(true)
                .start();
        p.getOutputStream().write((key + "|" + value + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A python3 that can import confluent_kafka (Debian's lives in /usr/bin), or null. */
    private static String python() {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (works(candidate, "-c", "import confluent_kafka")) {
                return candidate;
            }
        }
        return null;
    }

    private static long answers(Stack stack, String correlationId) {
        return TopicDump.values(stack.bootstrapServers(), stack.topics().replies()).stream()
                .filter(v -> new String(v, StandardCharsets.UTF_8).contains(correlationId))
                .count();
    }

    private static List<ConsumerRecord<byte[], byte[]>> onPartition(Stack stack, int partition, UserId user) {
        return TopicDump.records(stack.bootstrapServers(), stack.topics().requests()).stream()
                .filter(r -> r.partition() == partition && java.util.Arrays.equals(r.key(), user.asciiBytes()))
                .toList();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record) {
        Header h = record.headers().lastHeader(EventPublisher.MOVED_FROM_HEADER);
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Running and not paused: tiered idle pauses an idle runtime first, and a paused container still runs. */
    private static boolean running(Stack stack, UserId user) {
        var state =
                stack.docker().inspectContainerCmd(user.containerName()).exec().getState();
        return Boolean.TRUE.equals(state.getRunning()) && !Boolean.TRUE.equals(state.getPaused());
    }

    private static String startedAt(Stack stack, UserId user) {
        return stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getState()
                .getStartedAt();
    }
}
