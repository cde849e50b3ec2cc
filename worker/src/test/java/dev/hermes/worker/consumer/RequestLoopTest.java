package dev.hermes.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.ReplyCoordinates;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.kafka.ReplyNotSentException;
import dev.hermes.worker.kafka.ReplyRoutes;
import dev.hermes.worker.lanes.KeyedExecutor;
import dev.hermes.worker.metrics.Meters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll loop on a MockConsumer and a MockProducer whose sends a test completes or fails by hand. */
class RequestLoopTest {
    private static final int PARTITIONS = 4;
    private final Topics topics = new Topics("t.");
    private final String topic = topics.requests();
    private final EventCodec codec = new EventCodec();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final MockProducer<byte[], byte[]> producer =
            new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final EventPublisher publisher = new EventPublisher(
            producer,
            producer,
            topics,
            codec,
            new ReplyRoutes(List.of("*"), topics, t -> CompletableFuture.completedFuture(8), Clock.systemUTC()));
    private final KeyedExecutor<UserId> lanes = new KeyedExecutor<>(2, "test-lane");
    private final List<Event> handled = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<ReplyCoordinates, String>> refused = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> offsets = new HashMap<>();
    private final Meters meters = new Meters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    private RequestLoop loop;
    private Thread thread;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            producer.flush();
            loop.shutdown();
            thread.join(10_000);
        }
        lanes.close();
    }

    @Test
    void anErrorThrownInALaneIsCaughtAndThePartitionsCommitPointMovesOn() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        start(event -> {
            if (handled.size() == 1) {
                throw new AssertionError("a bug in the handler");
            }
            return CompletableFuture.completedFuture(null);
        });

        add(p, 0, user, heartbeat(user));
        add(p, 1, user, heartbeat(user));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(p)).isEqualTo(2));
        assertThat(handled).hasSize(2);
    }

    @Test
    void queuedHeartbeatsOfAFamilyAreMergedIntoTheNewestAndTheCommitPointNeverPassesWorkNotDone() throws Exception {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // the first heartbeat's spawn hangs, as one waiting out a health timeout does
        start(firstHangsUntil(release));
        add(p, 0, user, heartbeat(user));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);

        RuntimeRequested ensure = new RuntimeRequested(
                UUID.randomUUID(),
                Instant.now(),
                user,
                UUID.randomUUID(),
                "caller.replies",
                0,
                Instant.now().plusSeconds(30),
                "voice");
        for (int offset = 1; offset <= 50; offset++) {
            add(p, offset, user, offset == 30 ? ensure : heartbeat(user));
        }
        TopicPartition tp = new TopicPartition(topic, p);
        await().atMost(Duration.ofSeconds(10)).until(() -> position(tp) == 51);
        // for several commit intervals, nothing may be committed past the running heartbeat
        await().during(Duration.ofMillis(300))
                .atMost(Duration.ofSeconds(2))
                .untilAsserted(() ->
                        assertThat(committed(p)).as("offset 0 is still running").isIn(null, 0L));

        release.countDown();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(p)).isEqualTo(51));
        assertThat(handled)
                .as("the running heartbeat, the ensure (never merged away) and the newest heartbeat")
                .hasSize(3);
        assertThat(handled.get(1)).isEqualTo(ensure);
        assertThat(handled.get(2)).isInstanceOf(Heartbeat.class);
    }

    private long position(TopicPartition tp) {
        synchronized (consumer) {
            return consumer.position(tp);
        }
    }

    @Test
    void aRecordOffItsKeysPartitionIsMovedOnceWithItsSourceAndNotHandled() {
        UserId user = UserId.random();
        int canonical = Partitions.of(user, PARTITIONS);
        int wrong = (canonical + 1) % PARTITIONS;
        start(event -> CompletableFuture.completedFuture(null));

        add(wrong, 0, user, heartbeat(user));

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> moved = producer.history().get(0);
        assertThat(moved.topic()).isEqualTo(topic);
        assertThat(moved.partition()).isEqualTo(canonical);
        assertThat(moved.key()).isEqualTo(user.asciiBytes());
        assertThat(header(moved, EventPublisher.MOVED_FROM_HEADER)).isEqualTo(topic + "-" + wrong + "@0");
        assertThat(header(moved, "trace")).as("its own headers kept").isEqualTo("abc");
        assertThat(committed(wrong))
                .as("not committed before the move is acknowledged")
                .isIn(null, 0L);
        producer.completeNext();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(wrong)).isEqualTo(1));
        assertThat(handled).as("nothing acts on it where it is").isEmpty();
    }

    @Test
    void aRecordMovedOnceThatIsStillOffItsPartitionGoesToTheDlq() {
        UserId user = UserId.random();
        int wrong = (Partitions.of(user, PARTITIONS) + 1) % PARTITIONS;
        start(event -> CompletableFuture.completedFuture(null));

        RecordHeaders headers = new RecordHeaders();
        headers.add(EventPublisher.MOVED_FROM_HEADER, "x-1@5".getBytes(StandardCharsets.UTF_8));
        consumer.addRecord(record(wrong, 0, user.asciiBytes(), codec.encode(heartbeat(user)), headers));

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        assertThat(producer.history().get(0).topic()).isEqualTo(topics.dlq());
        assertThat(header(producer.history().get(0), "hermes.dlq.reason")).contains("moved once already");
        assertThat(handled).isEmpty();
    }

    @Test
    void aRecordWhoseDlqWriteFailsIsNotCommittedButRetriedAndAPartitionThatKeepsFailingHalts() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        start(event -> CompletableFuture.completedFuture(null));

        consumer.addRecord(
                record(p, 0, user.asciiBytes(), "not json".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));

        for (int attempt = 1; attempt <= RecordWrites.HALT_AFTER; attempt++) {
            int sends = attempt;
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> producer.history().size() == sends);
            assertThat(producer.history().get(sends - 1).topic()).isEqualTo(topics.dlq());
            assertThat(producer.errorNext(new TimeoutException("broker away"))).isTrue();
        }
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(loop.notReadyReason())
                        .contains("halted")
                        .contains(topic + "-" + p)
                        .contains("DLQ write of offset 0 failed 3 times: broker away"));
        assertThat(committed(p))
                .as("never committed past a record whose DLQ copy is not written")
                .isIn(null, 0L);
        assertThat(consumer.paused()).contains(new TopicPartition(topic, p));

        await().atMost(Duration.ofSeconds(15)).until(() -> producer.history().size() == RecordWrites.HALT_AFTER + 1);
        producer.completeNext();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(p)).isEqualTo(1));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(loop.notReadyReason()).isNull());
        assertThat(consumer.paused()).doesNotContain(new TopicPartition(topic, p));
    }

    @Test
    void aReplyThatCannotBeSentPutsTheRecordInTheDlqWithTheReasonBeforeItIsCommitted() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        start(event ->
                CompletableFuture.failedFuture(new ReplyNotSentException("reply topic 't.settings' is internal")));

        add(p, 0, user, heartbeat(user));

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1);
        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo(topics.dlq());
        assertThat(header(dead, "hermes.dlq.reason")).isEqualTo("reply topic 't.settings' is internal");
        assertThat(header(dead, "hermes.dlq.field")).isEqualTo("reply");
        assertThat(committed(p)).isIn(null, 0L);
        producer.completeNext();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(p)).isEqualTo(1));
    }

    @Test
    void anInvalidRequestWhoseCallerCanBeReadIsRefusedToItAndStillGoesToTheDlqBeforeItIsCommitted() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        start(event -> CompletableFuture.completedFuture(null));
        RuntimeRequested request = new RuntimeRequested(
                UUID.randomUUID(),
                Instant.now(),
                user,
                UUID.randomUUID(),
                "caller.replies",
                2,
                Instant.now().plusSeconds(30),
                "test");
        String upper =
                codec.encodeToString(request).replace(user.value(), user.value().toUpperCase());

        consumer.addRecord(
                record(p, 0, user.asciiBytes(), upper.getBytes(StandardCharsets.UTF_8), new RecordHeaders()));

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 1 && refused.size() == 1);
        ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
        assertThat(dead.topic()).isEqualTo(topics.dlq());
        assertThat(header(dead, "hermes.dlq.field")).isEqualTo("userId");
        assertThat(refused.get(0).getKey())
                .isEqualTo(new ReplyCoordinates(request.correlationId(), "caller.replies", 2, user));
        assertThat(refused.get(0).getValue())
                .as("the caller is told what the DLQ is told")
                .isEqualTo(header(dead, "hermes.dlq.reason"))
                .contains("userId");
        assertThat(handled).isEmpty();
        assertThat(committed(p)).as("the DLQ copy still gates the commit").isIn(null, 0L);
        producer.completeNext();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(committed(p)).isEqualTo(1));
    }

    @Test
    void aKeyThatIsNotTheUserIdIsRefusedToTheCallerNamingTheKey() {
        UserId user = UserId.random();
        start(event -> CompletableFuture.completedFuture(null));
        RuntimeRequested request = new RuntimeRequested(
                UUID.randomUUID(), Instant.now(), user, UUID.randomUUID(), "r", 0, Instant.now(), "test");
        byte[] key = "someone-else".getBytes(StandardCharsets.UTF_8);

        consumer.addRecord(
                record(Partitions.ofKey(key, PARTITIONS), 0, key, codec.encode(request), new RecordHeaders()));

        await().atMost(Duration.ofSeconds(10)).until(() -> refused.size() == 1);
        assertThat(refused.get(0).getKey().userId()).isEqualTo(user);
        assertThat(refused.get(0).getValue()).startsWith("field 'key'").contains("someone-else");
    }

    @Test
    void anInvalidRecordWithoutReadableReplyCoordinatesOnlyGoesToTheDlq() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        start(event -> CompletableFuture.completedFuture(null));
        String noPartition = codec.encodeToString(new RuntimeRequested(
                        UUID.randomUUID(), Instant.now(), user, UUID.randomUUID(), "r", 0, Instant.now(), "test"))
                .replace("\"replyPartition\":0", "\"replyPartition\":-1");

        consumer.addRecord(
                record(p, 0, user.asciiBytes(), "not json".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
        consumer.addRecord(
                record(p, 1, user.asciiBytes(), noPartition.getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
        add(p, 2, user, new Heartbeat(UUID.randomUUID(), Instant.now(), user, "", "test"));

        await().atMost(Duration.ofSeconds(10)).until(() -> producer.history().size() == 3);
        assertThat(producer.history()).allSatisfy(r -> assertThat(r.topic()).isEqualTo(topics.dlq()));
        assertThat(refused).isEmpty();
    }

    @Test
    void aRecordQueuedBehindItsFamilysRunningWorkReportsHowLongItWaitedForTheLane() {
        UserId user = UserId.random();
        int p = Partitions.of(user, PARTITIONS);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        start(firstHangsUntil(release));
        add(p, 0, user, heartbeat(user));
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        add(p, 1, user, heartbeat(user));
        TopicPartition tp = new TopicPartition(topic, p);
        await().atMost(Duration.ofSeconds(10)).until(() -> position(tp) == 2);

        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 2);

        io.micrometer.core.instrument.Timer waits =
                meters.registry().get("hermes.lane.wait").timer();
        assertThat(waits.count()).isEqualTo(2);
        assertThat(waits.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(300);
    }

    /** A handler whose first event's work does not end until {@code release}; every other one ends at once. */
    private java.util.function.Function<Event, CompletableFuture<Void>> firstHangsUntil(
            java.util.concurrent.CountDownLatch release) {
        return event -> {
            if (handled.size() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return CompletableFuture.completedFuture(null);
        };
    }

    private void start(java.util.function.Function<Event, CompletableFuture<Void>> handler) {
        RequestHandler recording = new RequestHandler() {
            @Override
            public CompletableFuture<Void> handle(Event event, int partition) {
                handled.add(event);
                return handler.apply(event);
            }

            @Override
            public void refuse(ReplyCoordinates to, String reason) {
                refused.add(Map.entry(to, reason));
            }
        };
        List<TopicPartition> all = IntStream.range(0, PARTITIONS)
                .mapToObj(i -> new TopicPartition(topic, i))
                .toList();
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(
                topic,
                IntStream.range(0, PARTITIONS)
                        .mapToObj(i -> new PartitionInfo(topic, i, node, new Node[] {node}, new Node[] {node}))
                        .toList());
        Map<TopicPartition, Long> beginning = new HashMap<>();
        all.forEach(tp -> beginning.put(tp, 0L));
        consumer.updateBeginningOffsets(beginning);
        loop = new RequestLoop(
                consumer,
                topic,
                codec,
                lanes,
                recording,
                publisher,
                PartitionListener.NONE,
                meters,
                100,
                Duration.ofSeconds(2),
                "worker-1");
        consumer.schedulePollTask(() -> consumer.rebalance(all));
        thread = new Thread(loop, "test-loop");
        thread.start();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> loop.ownedPartitions().size() == PARTITIONS && loop.ready());
    }

    private void add(int partition, long offset, UserId user, Event event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        consumer.addRecord(record(partition, offset, user.asciiBytes(), codec.encode(event), headers));
    }

    private ConsumerRecord<byte[], byte[]> record(
            int partition, long offset, byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                0L,
                TimestampType.CREATE_TIME,
                key.length,
                value.length,
                key,
                value,
                headers,
                java.util.Optional.empty());
    }

    private Heartbeat heartbeat(UserId user) {
        return new Heartbeat(UUID.randomUUID(), Instant.now(), user, "phone", "test");
    }

    private Long committed(int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
        return committed == null ? null : committed.offset();
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
