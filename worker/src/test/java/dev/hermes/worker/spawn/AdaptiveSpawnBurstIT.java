package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.client.RuntimeClient;
import dev.hermes.client.RuntimeHandle;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A burst of cold ensures through a real worker with the adaptive spawn limit (real Docker, Kafka, PostgreSQL). */
@HermesStack.Use
class AdaptiveSpawnBurstIT {
    private static final int FLOOR = 2;
    private static final int CEILING = 12;

    @Test
    void aBurstOfTwentyColdEnsuresAllGetReadyWithTheLimitWithinItsBounds(Stack stack) {
        Worker worker = stack.startWorker(Map.of(
                "HERMES_SPAWN_CONCURRENCY", "adaptive",
                "HERMES_MIN_CONCURRENT_SPAWNS", Integer.toString(FLOOR),
                "HERMES_MAX_CONCURRENT_SPAWNS", Integer.toString(CEILING)));
        await().atMost(Duration.ofSeconds(30)).until(worker::ready);
        MeterRegistry registry = worker.meters().registry();
        List<Double> limits = new CopyOnWriteArrayList<>();
        List<Double> inFlight = new CopyOnWriteArrayList<>();
        List<Double> waiting = new CopyOnWriteArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        stack.closeLater(sampler::shutdownNow);
        sampler.scheduleAtFixedRate(
                () -> {
                    limits.add(registry.get("hermes.spawn.limit").gauge().value());
                    inFlight.add(registry.get("hermes.spawn.in.flight").gauge().value());
                    waiting.add(registry.get("hermes.spawn.waiting").gauge().value());
                },
                0,
                5,
                TimeUnit.MILLISECONDS);
        RuntimeClient client = stack.client();

        List<CompletableFuture<RuntimeHandle>> answers = IntStream.range(0, 20)
                .mapToObj(i -> client.ensureRuntimeAsync(stack.newUser(), Duration.ofSeconds(120)))
                .toList();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        sampler.shutdownNow();

        assertThat(answers).allSatisfy(a -> {
            assertThat(a.join().url()).startsWith("http://127.0.0.1:");
            assertThat(a.join().coldStart()).isTrue();
        });
        assertThat(limits).isNotEmpty().allSatisfy(l -> assertThat(l).isBetween((double) FLOOR, (double) CEILING));
        assertThat(inFlight).allSatisfy(n -> assertThat(n).isBetween(0.0, (double) CEILING));
        assertThat(waiting)
                .as("the burst queued for slots")
                .anySatisfy(n -> assertThat(n).isPositive());
        assertThat(registry.get("hermes.spawn.in.flight").gauge().value()).isZero();
        assertThat(registry.get("hermes.spawn.waiting").gauge().value()).isZero();
        assertThat(registry.find("hermes.failures").counters()).isEmpty();
    }
}
