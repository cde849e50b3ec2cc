package dev.hermes.worker.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeFailedException;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.Wiring;
import dev.hermes.worker.Worker;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.testing.Agent;
import dev.hermes.worker.testing.CuttableDocker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Docker cut off under a worker (every call refused, the event stream ended; the containers keep running, as under
 * live-restore): a cold ensure waits for Docker instead of failing, fails HOST_UNAVAILABLE when Docker is not back
 * before its deadline, and a warm family is answered at once meanwhile. Four lane threads: at most two ensures wait.
 */
@HermesStack.Use
class DockerOutageIT {
    private static Worker startWorker(Stack stack, AtomicReference<CuttableDocker> control) {
        return stack.startWorker(
                Map.of("HERMES_LIVENESS_INTERVAL_SEC", "600", "HERMES_WORKER_THREADS", "4"),
                config -> new Wiring(config) {
                    @Override
                    protected Docker docker() {
                        CuttableDocker.Wrapped wrapped = CuttableDocker.wrap(super.docker());
                        control.set(wrapped.control());
                        return wrapped.docker();
                    }
                });
    }

    @Test
    void aColdEnsureDuringAShortOutageIsAnsweredReadyOnceDockerIsBack(Stack stack) {
        AtomicReference<CuttableDocker> control = new AtomicReference<>();
        try (Worker worker = startWorker(stack, control)) {
            await().atMost(Duration.ofSeconds(20)).until(worker::ready);
            control.get().cut();
            long t0 = System.nanoTime();
            CompletableFuture<RuntimeHandle> cold =
                    stack.client().ensureRuntimeAsync(stack.newUser(), Duration.ofSeconds(30));

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> !cold.isDone());
            control.get().restore();

            RuntimeHandle handle =
                    cold.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
            assertThat(handle.coldStart()).isTrue();
            assertThat(Agent.healthy(handle.url())).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        }
    }

    @Test
    void anOutageThatOutlastsTheDeadlineIsAnsweredHostUnavailableWithRetryAfterInTime(Stack stack) {
        AtomicReference<CuttableDocker> control = new AtomicReference<>();
        try (Worker worker = startWorker(stack, control)) {
            await().atMost(Duration.ofSeconds(20)).until(worker::ready);
            control.get().cut();
            long t0 = System.nanoTime();
            CompletableFuture<RuntimeHandle> cold =
                    stack.client().ensureRuntimeAsync(stack.newUser(), Duration.ofSeconds(5));

            Throwable failure = catchFailure(cold);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            control.get().restore();

            assertThat(failure).isInstanceOfSatisfying(RuntimeFailedException.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.HOST_UNAVAILABLE);
                assertThat(f.retryAfter()).isPresent();
            });
            assertThat(took)
                    .as("waited, then answered before the deadline")
                    .isBetween(Duration.ofSeconds(3), Duration.ofSeconds(5));
        }
    }

    @Test
    void aWarmFamilyIsAnsweredAtOnceWhileColdOnesWaitForDocker(Stack stack) {
        AtomicReference<CuttableDocker> control = new AtomicReference<>();
        try (Worker worker = startWorker(stack, control)) {
            RuntimeClient client = stack.client();
            UserId warm = stack.newUser();
            RuntimeHandle first = client.ensureRuntime(warm, Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(20)).until(worker::ready);
            control.get().cut();
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.registry().unverified());
            // more cold ensures than may wait (2 of 4 lane threads): the rest are refused at once
            CompletableFuture<?>[] cold = new CompletableFuture<?>[3];
            for (int i = 0; i < cold.length; i++) {
                cold[i] = client.ensureRuntimeAsync(stack.newUser(), Duration.ofSeconds(30));
            }
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> java.util.Arrays.stream(cold).anyMatch(CompletableFuture::isDone));

            long t0 = System.nanoTime();
            RuntimeHandle again = client.ensureRuntime(warm, Duration.ofSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);

            assertThat(took).as("not behind the waiting cold ensures").isLessThan(Duration.ofMillis(1500));
            assertThat(again.url()).isEqualTo(first.url());
            assertThat(again.coldStart()).isFalse();
            assertThat(Agent.healthy(again.url())).isTrue();
            assertThat(java.util.Arrays.stream(cold).filter(CompletableFuture::isDone))
                    .as("the one beyond the waiter cap")
                    .hasSize(1)
                    .allSatisfy(f -> assertThat(catchFailure(f))
                            .isInstanceOfSatisfying(
                                    RuntimeFailedException.class,
                                    e -> assertThat(e.reason()).isEqualTo(FailureReason.HOST_UNAVAILABLE)));

            control.get().restore();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> java.util.Arrays.stream(cold).allMatch(CompletableFuture::isDone));
            assertThat(java.util.Arrays.stream(cold).filter(f -> !f.isCompletedExceptionally()))
                    .as("the two that waited are READY")
                    .hasSize(2);
        }
    }

    private static Throwable catchFailure(CompletableFuture<?> future) {
        try {
            future.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
