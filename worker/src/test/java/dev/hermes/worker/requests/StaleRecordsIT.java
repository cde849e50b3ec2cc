package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.RawRequests;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Old records: a replay spawns nothing, and a producer whose clock is behind cannot make a family look idle. */
@HermesStack.Use
class StaleRecordsIT {

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    @Test
    void aBatchOfRequestsAndHeartbeatsDatedADayAgoCreatesNoContainer(Stack stack) throws Exception {
        stack.startWorker(Map.of());
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        List<UserId> requested = new ArrayList<>();
        List<UserId> heartbeating = new ArrayList<>();
        try (RawRequests raw = new RawRequests(stack)) {
            for (int i = 0; i < 20; i++) {
                UserId user = stack.newUser();
                requested.add(user);
                raw.send(RawRequests.request(user, stack.topics().replies(), 0, dayAgo.plusSeconds(30)));
                UserId beating = stack.newUser();
                heartbeating.add(beating);
                raw.send(RawRequests.heartbeat(beating, dayAgo));
            }
        }
        // records behind them on every partition: once these are served, the stale ones were handled
        RuntimeClient client = stack.client();
        for (int i = 0; i < 4; i++) {
            client.ensureRuntime(stack.newUser(), Duration.ofSeconds(60));
        }

        EventCodec codec = new EventCodec();
        Set<UserId> audited = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TopicDump.values(
                                        stack.bootstrapServers(), stack.topics().events())
                                .stream()
                                .map(codec::decode)
                                .filter(e ->
                                        e instanceof RuntimeFailed f && f.reason() == FailureReason.DEADLINE_PASSED)
                                .map(Event::userId)
                                .collect(Collectors.toSet()),
                        s -> s.containsAll(requested));
        assertThat(audited).containsAll(requested);
        for (UserId user : requested) {
            assertThat(exists(stack, user)).as("container of a day-old request").isFalse();
        }
        for (UserId user : heartbeating) {
            assertThat(exists(stack, user))
                    .as("container of a day-old heartbeat")
                    .isFalse();
        }
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().replies()))
                .doesNotContain(requested.stream().map(UserId::value).toArray(String[]::new));
    }

    @Test
    void heartbeatsDatedAnHourAgoEverySecondKeepARuntimeThroughShortIdleTimeouts(Stack stack) throws Exception {
        stack.startWorker(Map.of(
                "RUNTIME_IDLE_SEC",
                "2",
                "HERMES_REAP_INTERVAL_SEC",
                "0.5",
                "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC",
                "0.5"));
        UserId user = stack.newUser();
        stack.client().ensureRuntime(user, Duration.ofSeconds(60));
        String startedAt = startedAt(stack, user);

        try (RawRequests raw = new RawRequests(stack)) {
            Instant until = Instant.now().plusSeconds(8);
            while (Instant.now().isBefore(until)) {
                raw.send(RawRequests.heartbeat(user, Instant.now().minus(Duration.ofHours(1))));
                await().pollDelay(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> true);
                assertThat(running(stack, user))
                        .as("kept by heartbeats from a clock an hour behind")
                        .isTrue();
            }
        }
        assertThat(startedAt(stack, user)).as("never reaped and restarted").isEqualTo(startedAt);
    }

    private static boolean exists(Stack stack, UserId user) {
        try {
            stack.docker().inspectContainerCmd(user.containerName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
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
