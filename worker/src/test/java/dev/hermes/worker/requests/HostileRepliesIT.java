package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.RawRequests;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Requests whose reply coordinates are hostile, against a warm family: the worker writes nowhere it should not,
 * puts each in the DLQ with the reason, and another family's warm ensure on the same worker is not slowed.
 */
@HermesStack.Use
class HostileRepliesIT {

    @Test
    void hostileReplyCoordinatesGoToTheDlqAndNeitherWriteNorStall(Stack stack) throws Exception {
        String missing = "it-replies-missing-" + UUID.randomUUID();
        stack.startWorker(Map.of("HERMES_REPLY_TOPICS", stack.topics().replies() + ",it-replies-*"));
        RuntimeClient client = stack.client();
        UserId hostile = stack.newUser();
        UserId other = stack.newUser();
        client.ensureRuntime(hostile, Duration.ofSeconds(60));
        client.ensureRuntime(other, Duration.ofSeconds(60));
        int settingsBefore = TopicDump.values(
                        stack.bootstrapServers(), stack.topics().settings())
                .size();
        Instant deadline = Instant.now().plusSeconds(30);
        List<RuntimeRequested> requests = List.of(
                RawRequests.request(hostile, stack.topics().replies(), 9999, deadline),
                RawRequests.request(hostile, stack.topics().settings(), 0, deadline),
                RawRequests.request(hostile, stack.topics().lastActive(), 0, deadline),
                RawRequests.request(hostile, missing, 0, deadline),
                RawRequests.request(hostile, "not-an-allowed-topic", 0, deadline));

        try (RawRequests raw = new RawRequests(stack)) {
            requests.forEach(raw::send);
        }
        long t0 = System.nanoTime();
        client.ensureRuntime(other, Duration.ofSeconds(30));
        Duration warm = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(warm)
                .as("another family's warm ensure while the hostile requests are handled")
                .isLessThan(Duration.ofSeconds(2));
        Map<String, String> reasons =
                await().atMost(Duration.ofSeconds(30)).until(() -> dlqReasons(stack), r -> r.size() == requests.size());
        EventCodec codec = new EventCodec();
        Map<UUID, String> byCorrelation = reasons.entrySet().stream()
                .collect(Collectors.toMap(
                        e -> ((RuntimeRequested) codec.decode(e.getKey().getBytes(StandardCharsets.UTF_8)))
                                .correlationId(),
                        Map.Entry::getValue));
        assertThat(byCorrelation.get(requests.get(0).correlationId())).contains("reply partition 9999 does not exist");
        assertThat(byCorrelation.get(requests.get(1).correlationId())).contains("is internal");
        assertThat(byCorrelation.get(requests.get(2).correlationId())).contains("is internal");
        assertThat(byCorrelation.get(requests.get(3).correlationId()))
                .contains(missing)
                .contains("not available");
        assertThat(byCorrelation.get(requests.get(4).correlationId())).contains("not allowed");

        assertThat(TopicDump.values(stack.bootstrapServers(), stack.topics().settings()))
                .as("nothing new in settings")
                .hasSize(settingsBefore);
        assertThat(TopicDump.values(stack.bootstrapServers(), stack.topics().lastActive()))
                .as("only LastActive records in last-active")
                .allSatisfy(v -> assertThat(codec.decode(v, LastActive.class)).isNotNull());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).doesNotContain(missing, "not-an-allowed-topic");
        }
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().replies()))
                .as("no hostile correlation id answered")
                .doesNotContain(
                        requests.stream().map(r -> r.correlationId().toString()).toArray(String[]::new));
    }

    /** DLQ values (the requests as sent) and their reasons. */
    private static Map<String, String> dlqReasons(Stack stack) {
        return TopicDump.records(stack.bootstrapServers(), stack.topics().dlq()).stream()
                .collect(Collectors.toMap(
                        r -> new String(r.value(), StandardCharsets.UTF_8), HostileRepliesIT::reason, (a, b) -> a));
    }

    private static String reason(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.headers().lastHeader("hermes.dlq.reason").value(), StandardCharsets.UTF_8);
    }
}
