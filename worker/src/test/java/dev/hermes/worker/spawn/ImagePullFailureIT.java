package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * There is no registry here, so a pull always fails: an image the worker must pull fails each ensure at once with
 * SPAWN_ERROR and Docker's own message (never a hang), creates nothing, and is logged once.
 */
@HermesStack.Use
class ImagePullFailureIT {
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger resolverLog = (Logger) LoggerFactory.getLogger(ImageResolver.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        resolverLog.addAppender(logs);
    }

    @AfterEach
    void stopWorkers(Stack stack) {
        resolverLog.detachAppender(logs);
        stack.stopWorkers();
    }

    @Test
    void aMissingImageUnderIfNotPresentFailsEnsuresWithDockersMessage(Stack stack) {
        String missing =
                "hermes-agent-stub:missing-" + UUID.randomUUID().toString().substring(0, 8);

        assertFailsClearly(stack, missing, "if-not-present");
    }

    @Test
    void alwaysFailsEvenWithTheImageInTheEngineWhenThePullFails(Stack stack) {
        assertFailsClearly(stack, Stack.IMAGE, "always");
    }

    private void assertFailsClearly(Stack stack, String image, String policy) {
        Worker worker = stack.startWorker(
                Map.of("HERMES_IMAGE", image, "HERMES_IMAGE_PULL", policy, "HERMES_IMAGE_PULL_TIMEOUT_SEC", "30"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !worker.ownedPartitions().isEmpty() && worker.ready());
        UserId user = stack.newUser();

        long t0 = System.nanoTime();
        RuntimeFailedException failed = catchThrowableOfType(
                () -> stack.client().ensureRuntime(user, Duration.ofSeconds(60)), RuntimeFailedException.class);

        assertThat(failed).as("the ensure fails").isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        assertThat(failed.reason()).isEqualTo(FailureReason.SPAWN_ERROR);
        assertThat(failed.failed().message())
                .contains("agent image " + image + " is not available")
                .contains("pull of " + image + " failed"); // then Docker's own words (here: no route to a registry)
        assertThat(containerExists(stack, user)).as("nothing created").isFalse();
        RuntimeFailedException again = catchThrowableOfType(
                () -> stack.client().ensureRuntime(user, Duration.ofSeconds(60)), RuntimeFailedException.class);
        assertThat(again).as("still failing, not hanging").isNotNull();
        assertThat(again.failed().message()).isEqualTo(failed.failed().message());
        assertThat(logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage))
                .as("logged once, with the reason")
                .singleElement()
                .asString()
                .contains("agent image " + image + " (HERMES_IMAGE_PULL=" + policy + ") not resolved")
                .contains("ensures fail with SPAWN_ERROR");
    }

    private static boolean containerExists(Stack stack, UserId user) {
        try {
            stack.docker().inspectContainerCmd(user.containerName()).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
