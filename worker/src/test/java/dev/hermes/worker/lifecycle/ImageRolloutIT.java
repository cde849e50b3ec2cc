package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A new agent image under the same tag reaches every running runtime: the worker sees the tag move (a Docker image
 * event), and recreates each runtime once, through the same bounded, audited campaign as a settings change. The
 * images are built here under a tag of this test's own ({@code FROM} the stand-in plus a BUILD file the stand-in's
 * /health reports), so no other test's image changes.
 */
@HermesStack.Use
class ImageRolloutIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String TAG = "hermes-agent-stub:rollout-it-" + RUN;
    private static final Map<String, String> TEST_LABELS = Map.of("hermes.test", "image-rollout-" + RUN);
    private static final int FAMILIES = 3;
    private static final Set<String> BUILT = new HashSet<>();
    private static final List<UserId> USERS = new ArrayList<>();
    private static RuntimeClient client;

    @BeforeAll
    static void start(Stack stack) throws IOException {
        build(stack.docker(), "build-a-" + RUN);
        // the periodic check is an hour away: only the image event can make this rollout prompt
        Worker worker = stack.startWorker(Map.of(
                "HERMES_IMAGE", TAG,
                "HERMES_IMAGE_PULL", "never",
                "HERMES_IMAGE_CHECK_SEC", "3600",
                "HERMES_RECREATE_CONCURRENCY", "2"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !worker.ownedPartitions().isEmpty() && worker.ready());
        client = stack.client();
    }

    @AfterAll
    static void removeTheImages(Stack stack) {
        stack.stopWorkers();
        USERS.forEach(stack::removeQuietly);
        for (String id : BUILT) {
            try {
                stack.docker().removeImageCmd(id).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    @Test
    void aNewImageUnderTheTagRecreatesEveryRunningRuntimeOnceAndTheyRunIt(Stack stack) throws IOException {
        String buildA = "build-a-" + RUN;
        String idA = stack.docker().inspectImageCmd(TAG).exec().getId();
        for (int i = 0; i < FAMILIES; i++) {
            UserId user = stack.newUser();
            USERS.add(user);
            String url = client.ensureRuntime(user, Duration.ofSeconds(60)).url();
            assertThat(Agent.get(url, "/health", null).body()).contains("\"build\":\"" + buildA + "\"");
            assertThat(container(stack, user).getImageId()).isEqualTo(idA);
            assertThat(container(stack, user).getConfig().getLabels()).containsEntry(ContainerSpec.LABEL_IMAGE_ID, idA);
        }

        String buildB = "build-b-" + RUN;
        String idB = build(stack.docker(), buildB);
        assertThat(idB).isNotEqualTo(idA);

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            for (UserId user : USERS) {
                InspectContainerResponse c = container(stack, user);
                assertThat(c.getState().getRunning()).isTrue();
                assertThat(c.getImageId()).isEqualTo(idB);
                assertThat(c.getConfig().getLabels()).containsEntry(ContainerSpec.LABEL_IMAGE_ID, idB);
            }
        });
        for (UserId user : USERS) {
            String url = client.ensureRuntime(user, Duration.ofSeconds(60)).url();
            assertThat(Agent.get(url, "/health", null).body()).contains("\"build\":\"" + buildB + "\"");
        }
        // audited once per family, and nothing more comes after a while (the labels are the truth)
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Event> events = events(stack);
            for (UserId user : USERS) {
                assertThat(events.stream()
                                .filter(e -> e.userId().equals(user))
                                .filter(RuntimeRecreated.class::isInstance))
                        .as("RuntimeRecreated of %s", user)
                        .hasSize(1);
                assertThat(events.stream()
                                .filter(e -> e.userId().equals(user))
                                .filter(isStopped(StopReason.IMAGE_ROLLOUT)))
                        .as("RuntimeStopped IMAGE_ROLLOUT of %s", user)
                        .hasSize(1);
            }
        });
    }

    private static Predicate<Event> isStopped(StopReason reason) {
        return e -> e instanceof RuntimeStopped s && s.reason() == reason;
    }

    private static InspectContainerResponse container(Stack stack, UserId user) {
        return stack.docker().inspectContainerCmd(user.containerName()).exec();
    }

    private static List<Event> events(Stack stack) {
        EventCodec codec = new EventCodec();
        return TopicDump.values(stack.bootstrapServers(), stack.topics().events()).stream()
                .map(codec::decode)
                .filter(e -> e.userId() != null)
                .toList();
    }

    /** Builds TAG (classic builder) from the stand-in plus a BUILD file; returns the new image's id. */
    private static String build(DockerClient docker, String build) throws IOException {
        Path context = Files.createTempDirectory("hermes-rollout-it");
        try {
            Files.writeString(context.resolve("BUILD"), build + "\n");
            Files.writeString(
                    context.resolve("Dockerfile"), "FROM " + Stack.IMAGE + "\nCOPY BUILD /opt/hermes/BUILD\n");
            docker.buildImageCmd(context.toFile())
                    .withTags(Set.of(TAG))
                    .withLabels(TEST_LABELS)
                    .withRemove(true)
                    .withPull(false)
                    .exec(new BuildImageResultCallback())
                    .awaitImageId();
            String id = docker.inspectImageCmd(TAG).exec().getId();
            BUILT.add(id);
            return id;
        } finally {
            try (var files = Files.list(context)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(context);
        }
    }
}
