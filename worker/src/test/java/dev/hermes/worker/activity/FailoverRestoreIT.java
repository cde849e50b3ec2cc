package dev.hermes.worker.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

@HermesStack.Use
class FailoverRestoreIT {

    @Test
    void aNewOwnerRestoresActivityFromTheCompactedTopicAndReapsOnTheOldOwnersClock(Stack stack) throws Exception {
        UserId user = stack.newUser();
        RuntimeClient client = stack.client();
        Worker oldOwner =
                stack.startWorker(Map.of("RUNTIME_IDLE_SEC", "3600", "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.1"));
        client.ensureRuntime(user, Duration.ofSeconds(60));
        client.heartbeat(user, "it-device").get();
        await().atMost(Duration.ofSeconds(10)).until(() -> oldOwner.activity().get(user) != null);
        Instant first = oldOwner.activity().get(user).lastActiveAt();
        // a heartbeat after the write interval (0.1 s) is written, not merged
        await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
        client.heartbeat(user, "it-device").get();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> oldOwner.activity().get(user).lastActiveAt().isAfter(first));
        Instant seenByOldOwner = oldOwner.activity().get(user).lastActiveAt();
        oldOwner.close();

        Worker newOwner = stack.startWorker(Map.of("RUNTIME_IDLE_SEC", "6", "HERMES_REAP_INTERVAL_SEC", "0.5"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> newOwner.ready() && newOwner.activity().get(user) != null);
        assertThat(newOwner.activity().get(user).lastActiveAt()).isEqualTo(seenByOldOwner);
        // reaped: paused by tiered idle (the default), or stopped
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var state = stack.docker()
                    .inspectContainerCmd(user.containerName())
                    .exec()
                    .getState();
            return Boolean.TRUE.equals(state.getPaused()) || !Boolean.TRUE.equals(state.getRunning());
        });
        Duration idleWhenReaped = Duration.between(seenByOldOwner, Instant.now());
        assertThat(idleWhenReaped).isBetween(Duration.ofSeconds(6), Duration.ofSeconds(6 + 4));
    }
}
