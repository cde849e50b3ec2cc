package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import dev.hermes.worker.testing.TopicDump;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HERMES_MAX_RUNTIMES=3 on real Docker, Kafka and PostgreSQL through a real worker. The bound counts every managed
 * runtime on the engine; this engine is shared with other suites running at the same time, so the worker here counts
 * only the managed runtimes carrying this stack's {@code hermes.test} label (the one seam: {@link
 * Wiring#runtimesOnEngine}); a runtime of another fleet with that label counts, as on a real engine.
 */
@HermesStack.Use
class CapacityIT {
    private static final Duration ENSURE = Duration.ofSeconds(60);
    private final EventCodec codec = new EventCodec();

    /** Each test starts from an empty engine as far as its worker counts: the stack's runtimes of earlier tests go. */
    @AfterEach
    void removeTheStacksContainers(Stack stack) {
        stack.docker()
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of("hermes.test", label(stack)))
                .exec()
                .forEach(c -> stack.docker()
                        .removeContainerCmd(c.getId())
                        .withForce(true)
                        .exec());
    }

    @Test
    void atTheBoundTheFourthFamilyIsRefusedWhileNoneIsIdleEnoughThenEvictsTheIdlest(Stack stack) {
        // long enough for three cold starts and a refused fourth on a busy machine, short enough to wait out
        try (Worker worker =
                startWorker(stack, Map.of("HERMES_MAX_RUNTIMES", "3", "HERMES_EVICT_MIN_IDLE_SEC", "12"))) {
            RuntimeClient client = stack.client();
            UserId idlest = stack.newUser();
            UserId second = stack.newUser();
            UserId third = stack.newUser();
            for (UserId user : List.of(idlest, second, third)) {
                assertThat(client.ensureRuntime(user, ENSURE).coldStart()).isTrue();
            }
            UserId fourth = stack.newUser();

            RuntimeFailed refused = refusal(client, fourth);
            assertThat(refused.retryAfterMs()).isPositive().isLessThanOrEqualTo(12_000L);
            assertThat(refused.message()).contains("HERMES_MAX_RUNTIMES=3");
            assertThat(exists(stack, fourth)).as("nothing spawned").isFalse();
            assertThat(List.of(idlest, second, third)).as("nothing stopped").allMatch(u -> running(stack, u));
            assertThat(audited(stack, RuntimeStopped.class)).isEmpty();

            // the first family's runtime becomes evictable 12 s after its answer; the fourth retries until then
            RuntimeHandle admitted = await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> tryEnsure(client, fourth), h -> h != null);

            assertThat(admitted.coldStart()).isTrue();
            assertThat(running(stack, idlest)).as("the idlest was evicted").isFalse();
            assertThat(exists(stack, idlest)).as("stopped, not removed").isTrue();
            assertThat(stack.docker()
                            .inspectVolumeCmd(idlest.volumeName())
                            .exec()
                            .getName())
                    .isEqualTo(idlest.volumeName());
            assertThat(List.of(second, third, fourth)).allMatch(u -> running(stack, u));
            assertThat(audited(stack, RuntimeStopped.class)).singleElement().satisfies(stopped -> {
                assertThat(stopped.userId()).isEqualTo(idlest);
                assertThat(stopped.reason()).isEqualTo(StopReason.EVICTED);
                assertThat(stopped.removed()).isFalse();
                assertThat(stopped.dataDeleted()).isFalse();
            });
            assertThat(worker.meters()
                            .registry()
                            .counter("hermes.reaps", "reason", "EVICTED")
                            .count())
                    .isEqualTo(1);
            assertThat(audited(stack, RuntimeFailed.class))
                    .allSatisfy(f -> assertThat(f.reason()).isEqualTo(FailureReason.CAPACITY))
                    .allSatisfy(f -> assertThat(f.retryAfterMs()).isPositive());
        }
    }

    @Test
    void aRuntimeOfAnotherFleetOnTheEngineCountsTowardsTheBound(Stack stack) {
        String foreign = "hermes-capacity-it-" + Long.toHexString(System.nanoTime());
        stack.docker()
                .createContainerCmd(Stack.IMAGE)
                .withName(foreign)
                .withEntrypoint("/bin/sh", "-c", "sleep 600")
                .withLabels(
                        Map.of("hermes.managed", "true", "hermes.fleet", "another-fleet", "hermes.test", label(stack)))
                .exec();
        stack.closeLater(
                () -> stack.docker().removeContainerCmd(foreign).withForce(true).exec());
        stack.docker().startContainerCmd(foreign).exec();

        try (Worker worker = startWorker(stack, Map.of("HERMES_MAX_RUNTIMES", "2"))) {
            RuntimeClient client = stack.client();
            UserId first = stack.newUser();
            client.ensureRuntime(first, ENSURE);
            UserId second = stack.newUser();

            RuntimeFailed refused = refusal(client, second);

            assertThat(refused.retryAfterMs())
                    .as("the first runtime is evictable after the default 300 s")
                    .isGreaterThan(250_000L);
            assertThat(exists(stack, second)).isFalse();
            assertThat(Boolean.TRUE.equals(stack.docker()
                            .inspectContainerCmd(foreign)
                            .exec()
                            .getState()
                            .getRunning()))
                    .as("another fleet's runtime is never evicted")
                    .isTrue();
        }
    }

    @Test
    void autoDerivesTheBoundFromTheEnginesMemoryAndTheRuntimeMemoryLimit(Stack stack) {
        long memTotal = stack.docker().infoCmd().exec().getMemTotal();
        try (Worker worker =
                startWorker(stack, Map.of("HERMES_MAX_RUNTIMES", "auto", "HERMES_RUNTIME_MEMORY_MB", "512"))) {
            assertThat(worker.meters()
                            .registry()
                            .get("hermes.engine.runtimes.bound")
                            .gauge()
                            .value())
                    .isEqualTo((double) Math.max(1, (long) (memTotal * 0.9) / (512L << 20)));
        }
    }

    @Test
    void aBurstOfColdStartsAtTheBoundDoesNotOvershoot(Stack stack) {
        try (Worker worker = startWorker(stack, Map.of("HERMES_MAX_RUNTIMES", "3"))) {
            RuntimeClient client = stack.client();
            AtomicInteger mostRunning = new AtomicInteger();
            AtomicBoolean bursting = new AtomicBoolean(true);
            CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        mostRunning.accumulateAndGet(runningOfStack(stack), Math::max);
                        return !bursting.get();
                    }));
            List<CompletableFuture<RuntimeHandle>> burst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                burst.add(client.ensureRuntimeAsync(stack.newUser(), ENSURE));
            }
            int ready = 0;
            int refused = 0;
            for (CompletableFuture<RuntimeHandle> answer : burst) {
                try {
                    answer.join();
                    ready++;
                } catch (CompletionException e) {
                    assertThat(e.getCause()).isInstanceOf(RuntimeFailedException.class);
                    assertThat(((RuntimeFailedException) e.getCause()).reason()).isEqualTo(FailureReason.CAPACITY);
                    assertThat(((RuntimeFailedException) e.getCause()).retryAfter())
                            .isPresent();
                    refused++;
                }
            }
            bursting.set(false);
            watcher.join();

            assertThat(ready).isEqualTo(3);
            assertThat(refused).isEqualTo(5);
            assertThat(runningOfStack(stack)).isEqualTo(3);
            assertThat(mostRunning.get())
                    .as("running containers seen during the burst")
                    .isLessThanOrEqualTo(3);
        }
    }

    private Worker startWorker(Stack stack, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(overrides);
        env.put("HERMES_WORKER_ID", stack.topics().prefix() + "capacity-" + System.nanoTime());
        return new Wiring(stack.workerConfig(env)) {
            @Override
            protected IntSupplier runtimesOnEngine(Docker docker) {
                return () -> runningOfStack(stack);
            }
        }.start();
    }

    private static int runningOfStack(Stack stack) {
        return stack.docker()
                .listContainersCmd()
                .withStatusFilter(List.of("running"))
                .withLabelFilter(Map.of("hermes.managed", "true", "hermes.test", label(stack)))
                .exec()
                .size();
    }

    /** The {@code hermes.test} label the stack's workers put on everything (see {@link Stack#workerEnv}). */
    private static String label(Stack stack) {
        return stack.workerEnv(Map.of()).get("HERMES_EXTRA_LABELS").substring("hermes.test=".length());
    }

    private static RuntimeFailed refusal(RuntimeClient client, UserId user) {
        RuntimeFailedException[] caught = new RuntimeFailedException[1];
        assertThatThrownBy(() -> client.ensureRuntime(user, ENSURE))
                .isInstanceOfSatisfying(RuntimeFailedException.class, e -> caught[0] = e);
        assertThat(caught[0].reason()).isEqualTo(FailureReason.CAPACITY);
        assertThat(caught[0].retryAfter())
                .contains(Duration.ofMillis(caught[0].failed().retryAfterMs()));
        return caught[0].failed();
    }

    /** The runtime's handle, or null while the engine is full. */
    private static RuntimeHandle tryEnsure(RuntimeClient client, UserId user) {
        try {
            return client.ensureRuntime(user, ENSURE);
        } catch (RuntimeFailedException e) {
            assertThat(e.reason()).isEqualTo(FailureReason.CAPACITY);
            return null;
        }
    }

    private static boolean exists(Stack stack, UserId user) {
        return !stack.docker()
                .listContainersCmd()
                .withShowAll(true)
                .withNameFilter(List.of(user.containerName()))
                .exec()
                .isEmpty();
    }

    private static boolean running(Stack stack, UserId user) {
        return Boolean.TRUE.equals(stack.docker()
                .inspectContainerCmd(user.containerName())
                .exec()
                .getState()
                .getRunning());
    }

    private <T extends Event> List<T> audited(Stack stack, Class<T> type) {
        return TopicDump.values(stack.bootstrapServers(), stack.topics().events()).stream()
                .map(codec::decode)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
