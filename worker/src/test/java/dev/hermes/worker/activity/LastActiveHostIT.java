package dev.hermes.worker.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * A worker with HERMES_DOCKER_HOSTS (one host, {@code a}, the shared engine) writes the family's host in LastActive as
 * soon as the family is placed, within the write interval: a new owner learns where it lives from the topic.
 */
@HermesStack.Use
class LastActiveHostIT {

    @Test
    void aNewFamilysLastActiveNamesItsHostOnceItIsPlaced(Stack stack) {
        stack.startWorker(Map.of("HERMES_DOCKER_HOSTS", "a=unix:///var/run/docker.sock@127.0.0.1/1000"));
        UserId user = stack.newUser();

        stack.client().ensureRuntime(user, Duration.ofSeconds(60));

        EventCodec codec = new EventCodec();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<LastActive> written = TopicDump.records(
                            stack.bootstrapServers(), stack.topics().lastActive())
                    .stream()
                    .filter(r -> Arrays.equals(r.key(), user.asciiBytes()) && r.value() != null)
                    .map(r -> codec.decode(r.value(), LastActive.class))
                    .filter(Objects::nonNull)
                    .toList();
            assertThat(written).isNotEmpty();
            assertThat(written.get(written.size() - 1).host()).isEqualTo("a");
        });
    }
}
