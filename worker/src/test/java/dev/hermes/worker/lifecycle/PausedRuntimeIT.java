package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tiered idle on real Docker, Kafka and PostgreSQL: idle runtimes are paused, resumed by the next ensure, stopped late. */
@HermesStack.Use
class PausedRuntimeIT {
    private static final Map<String, String> FAST_PAUSING = Map.of(
            "RUNTIME_IDLE_SEC", "1",
            "RUNTIME_STOP_SEC", "3600",
            "HERMES_REAP_INTERVAL_SEC", "0.3",
            "HERMES_LAST_ACTIVE_WRITE_INTERVAL_SEC", "0.3");

    @AfterEach
    void stopWorkers(Stack stack) {
        stack.stopWorkers();
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> env = new HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    static InspectContainerResponse.ContainerState state(Stack stack, UserId user) {
        try {
            return stack.docker()
                    .inspectContainerCmd(user.containerName())
                    .exec()
                    .getState();
        } catch (NotFoundException e) {
            return null;
        }
    }

    static boolean paused(Stack stack, UserId user) {
        InspectContainerResponse.ContainerState state = state(stack, user);
        return state != null && Boolean.TRUE.equals(state.getPaused());
    }

    static String containerId(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec().getId();
    }

    /** The audit events of {@code user}, in order, as their type names. */
    static String auditOf(Stack stack, UserId user) {
        StringBuilder types = new StringBuilder();
        for (byte[] value :
                TopicDump.values(stack.bootstrapServers(), stack.topics().events())) {
            String json = new String(value, java.nio.charset.StandardCharsets.UTF_8);
            if (json.contains(user.toString())) {
                int at = json.indexOf("\"type\":\"") + 8;
                types.append(json, at, json.indexOf('"', at)).append(' ');
            }
        }
        return types.toString();
    }

    @Test
    void anIdleRuntimeIsPausedAndTheNextEnsureResumesTheSameContainer(Stack stack) {
        Worker worker = stack.startWorker(FAST_PAUSING);
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        String id = containerId(stack, user);

        await().atMost(Duration.ofSeconds(10)).until(() -> paused(stack, user));
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().findPaused(user) != null);
        assertThat(worker.registry().find(user))
                .as("a paused runtime is never warm")
                .isNull();

        long t0 = System.nanoTime();
        RuntimeHandle resumed = client.ensureRuntime(user, Duration.ofSeconds(30));
        long ensureMs = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("resume: ensure of a paused runtime answered in " + ensureMs + " ms");

        assertThat(resumed.coldStart()).isFalse();
        assertThat(resumed.url()).isEqualTo(first.url());
        assertThat(containerId(stack, user)).isEqualTo(id);
        assertThat(paused(stack, user)).isFalse();
        assertThat(Agent.healthy(resumed.url())).isTrue();
        assertThat(worker.meters().registry().counter("hermes.resumes").count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(auditOf(stack, user))
                        .containsSubsequence("RuntimeStarted", "RuntimePaused", "RuntimeResumed"));
    }

    @Test
    void aHeartbeatResumesAPausedRuntime(Stack stack) throws Exception {
        Worker worker = stack.startWorker(FAST_PAUSING);
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        client.ensureRuntime(user, Duration.ofSeconds(60));
        String id = containerId(stack, user);
        await().atMost(Duration.ofSeconds(10)).until(() -> paused(stack, user));

        client.heartbeat(user, "it-device").get();

        await().atMost(Duration.ofSeconds(10)).until(() -> worker.registry().find(user) != null);
        assertThat(paused(stack, user)).isFalse();
        assertThat(containerId(stack, user)).isEqualTo(id);
        assertThat(Agent.healthy(worker.registry().find(user).url())).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(auditOf(stack, user)).containsSubsequence("RuntimePaused", "RuntimeResumed"));
    }

    @Test
    void aRuntimePausedLongerThanRuntimeStopSecIsStoppedWithItsVolumeKept(Stack stack) {
        Worker worker = stack.startWorker(with(FAST_PAUSING, "RUNTIME_STOP_SEC", "2"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        client.ensureRuntime(user, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10)).until(() -> paused(stack, user));
        long pausedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> state(stack, user) != null
                        && !Boolean.TRUE.equals(state(stack, user).getRunning()));
        assertThat(Duration.ofNanos(System.nanoTime() - pausedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        assertThat(worker.registry().findPaused(user)).isNull();
        assertThat(stack.docker().inspectVolumeCmd(user.volumeName()).exec().getName())
                .isEqualTo(user.volumeName());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(auditOf(stack, user)).containsSubsequence("RuntimePaused", "RuntimeStopped"));
        assertThat(TopicDump.allText(stack.bootstrapServers(), stack.topics().events()))
                .contains("\"reason\":\"IDLE\"");

        RuntimeHandle again = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(again.coldStart()).isTrue();
    }

    @Test
    void withRuntimePauseOffAnIdleRuntimeIsStoppedAtOnceAsBefore(Stack stack) {
        Worker worker = stack.startWorker(with(FAST_PAUSING, "RUNTIME_PAUSE", "false"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        client.ensureRuntime(user, Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> state(stack, user) != null
                        && !Boolean.TRUE.equals(state(stack, user).getRunning()));
        assertThat(worker.meters().registry().counter("hermes.pauses").count()).isZero();
        assertThat(auditOf(stack, user)).doesNotContain("RuntimePaused").contains("RuntimeStopped");
    }

    @Test
    void anExternalDockerPauseTakesTheRuntimeOutOfTheWarmSetAndTheNextEnsureResumesIt(Stack stack) {
        Worker worker = stack.startWorker(Map.of("RUNTIME_IDLE_SEC", "3600"));
        RuntimeClient client = stack.client();
        UserId user = stack.newUser();
        RuntimeHandle first = client.ensureRuntime(user, Duration.ofSeconds(60));
        assertThat(worker.registry().find(user)).isNotNull();

        stack.docker().pauseContainerCmd(user.containerName()).exec();

        await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().find(user) == null);
        assertThat(worker.registry().findPaused(user)).isNotNull();
        RuntimeHandle resumed = client.ensureRuntime(user, Duration.ofSeconds(30));
        assertThat(resumed.coldStart()).isFalse();
        assertThat(resumed.url()).isEqualTo(first.url());
        assertThat(paused(stack, user)).isFalse();
        assertThat(Agent.healthy(resumed.url())).isTrue();
        assertThat(worker.meters().registry().counter("hermes.resumes").count()).isEqualTo(1);
    }
}
