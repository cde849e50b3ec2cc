package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.SecondEngine;
import dev.hermes.worker.testing.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dockerd stopping without live-restore, on a real engine of its own (the second engine, so the shared one is not
 * disturbed). It closes its API listener and takes the published ports down at once, but serves the connections
 * already open until it exits, which a container that ignores SIGTERM delays by its stop timeout. The worker must see
 * the stop long before the exit, and from then on never answer a warm ensure with a URL that is about to die: without
 * live-restore, dockerd stops every container as it stops, so its families are HOST_UNAVAILABLE until it is back.
 */
@HermesStack.Use
class StoppingDockerIT {
    private static final String LABEL = "hermes.test.stopping-docker";

    @AfterEach
    void cleanUp(Stack stack) {
        stack.stopWorkers();
        SecondEngine.up(Stack.IMAGE);
        SecondEngine.removeLabelled(LABEL);
    }

    @Test
    void aStoppingDockerdWithoutLiveRestoreIsSeenWithinAMomentAndItsFamiliesAreAnsweredHostUnavailable(Stack stack)
            throws Exception {
        SecondEngine.up(Stack.IMAGE);
        startSlowToStop(Stack.IMAGE);
        Worker worker = stack.startWorker(Map.of(
                "DOCKER_HOST", SecondEngine.ENDPOINT,
                "HERMES_PUBLISH_HOST", SecondEngine.ADDRESS,
                "HERMES_DOCKER_WAIT_SEC", "1"));
        RuntimeClient client = stack.client();
        List<UserId> families = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UserId user = stack.newUser();
            client.ensureRuntime(user, Duration.ofSeconds(60));
            families.add(user);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> worker.ready() && !worker.registry().unverified());
        long pid = Long.parseLong(
                Files.readString(Path.of("/run/hermes-docker-b/docker.pid")).trim());
        ProcessHandle dockerd = ProcessHandle.of(pid).orElseThrow();

        long t0 = System.nanoTime();
        dockerd.destroy(); // SIGTERM, as a service manager stops it
        await().atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> worker.registry().unverified());
        Duration seen = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(dockerd.isAlive())
                .as("seen while dockerd still serves its open connections (a ping over one would still answer)")
                .isTrue();
        assertThat(seen).isLessThan(Duration.ofSeconds(2));
        for (UserId user : families) {
            // the engine has no live-restore: it stops every container as it stops, so an agent that still answers
            // now is about to die, and is not an answer to give
            assertThatThrownBy(() -> client.ensureRuntime(user, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(
                            RuntimeFailedException.class,
                            f -> assertThat(f.reason()).isEqualTo(FailureReason.HOST_UNAVAILABLE));
        }
        await().atMost(Duration.ofSeconds(40)).until(() -> !dockerd.isAlive());
    }

    /** A container that ignores SIGTERM: dockerd's shutdown waits its stop timeout for it before exiting. */
    private static void startSlowToStop(String image) {
        DockerClient docker = SecondEngine.client();
        String id = docker.createContainerCmd(image)
                .withName("stopping-docker-slow-" + System.nanoTime())
                .withLabels(Map.of(LABEL, "true", "hermes.test", "true"))
                .withEntrypoint("/bin/sh", "-c", "trap '' TERM; while :; do sleep 1; done")
                .withStopTimeout(15)
                .exec()
                .getId();
        docker.startContainerCmd(id).exec();
    }
}
