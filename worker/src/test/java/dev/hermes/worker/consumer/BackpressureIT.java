package dev.hermes.worker.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.kafka.Partitions;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class BackpressureIT {

    @Test
    void aBurstBeyondThePartitionBufferPausesThePartitionAndDrainsWithoutRejectingAnything(Stack stack) {
        Worker worker =
                stack.startWorker(Map.of("HERMES_PARTITION_BUFFER_LIMIT", "2", "HERMES_MAX_CONCURRENT_SPAWNS", "1"));
        await().atMost(Duration.ofSeconds(30)).until(worker::ready);
        RuntimeClient client = stack.client();
        List<UserId> users = new ArrayList<>();
        while (users.size() < 10) {
            UserId user = stack.newUser();
            if (Partitions.of(user, Stack.PARTITIONS) == 0) {
                users.add(user);
            }
        }

        List<CompletableFuture<RuntimeHandle>> answers = users.stream()
                .map(u -> client.ensureRuntimeAsync(u, Duration.ofSeconds(120)))
                .toList();

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> worker.meters().partitions().paused().get() > 0);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        assertThat(answers).allSatisfy(a -> assertThat(a.join().url()).startsWith("http://127.0.0.1:"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> worker.meters().partitions().paused().get() == 0);
        assertThat(worker.meters().registry().find("hermes.failures").counters())
                .isEmpty();
    }
}
