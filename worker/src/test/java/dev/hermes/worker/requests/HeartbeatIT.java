package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class HeartbeatIT {

    @Test
    void aHeartbeatEnsuresTheRuntimeWithoutAReplyAndRecordsActivityAndReadiness(Stack stack) throws Exception {
        stack.startWorker(Map.of());
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();

        client.heartbeat(user, "hall-speaker").get();

        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> Boolean.TRUE.equals(stack.docker()
                        .inspectContainerCmd(user.containerName())
                        .exec()
                        .getState()
                        .getRunning()));
        EventCodec codec = new EventCodec();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Event> audit = TopicDump.values(
                            stack.bootstrapServers(), stack.topics().events())
                    .stream()
                    .map(codec::decode)
                    .filter(e -> user.equals(e.userId()))
                    .toList();
            assertThat(audit)
                    .filteredOn(e -> e instanceof RuntimeReady)
                    .singleElement()
                    .satisfies(e -> {
                        RuntimeReady ready = (RuntimeReady) e;
                        assertThat(ready.coldStart()).isTrue();
                        assertThat(ready.correlationId()).isNull();
                        assertThat(ready.causationId()).isNotNull();
                        assertThat(Agent.healthy(ready.url())).isTrue();
                    });
        });
        assertThat(TopicDump.values(stack.bootstrapServers(), stack.topics().lastActive()).stream()
                        .map(v -> codec.decode(v, LastActive.class))
                        .map(LastActive::userId))
                .contains(user);
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().replies()))
                .doesNotContain(user.value());
    }
}
