package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.ops.cli.CliEnv;
import dev.hermes.worker.Worker;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fuzz figures' own code path (what ops/bench --only fuzz and ops/fuzz run), on a small batch against 2
 * in-process workers of a test stack: both figures measured, every claim holding, the good families forgotten.
 */
@HermesStack.Use
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class FuzzFiguresIT {

    @Test
    void measuresBothFiguresOnABatchThatTheWorkersClear(Stack stack) throws Exception {
        Worker first = stack.startWorker();
        Worker second = stack.startWorker();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.ready()
                        && second.ready()
                        && !first.ownedPartitions().isEmpty()
                        && !second.ownedPartitions().isEmpty()
                        && first.ownedPartitions().size()
                                        + second.ownedPartitions().size()
                                == Stack.PARTITIONS);
        CliEnv env = new CliEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.bootstrapServers(),
                "HERMES_TOPIC_PREFIX",
                stack.topics().prefix(),
                "HERMES_GROUP_ID",
                stack.topics().prefix() + "workers",
                "HERMES_PG_URL",
                stack.pgUrl(),
                "HERMES_PG_USER",
                "postgres",
                "HERMES_API_KEY_SECRET",
                Stack.SECRET,
                "HERMES_BENCH_WORKERS",
                "2",
                "HERMES_PARTITIONS",
                Integer.toString(Stack.PARTITIONS),
                "HERMES_FUZZ_TIMEOUT_SEC",
                "90"));

        List<Figure> figures;
        try (BenchStack bench = new BenchStack(env, "fuzzit")) {
            figures = new FuzzFigures(bench, bench.client(Stack.PARTITIONS - 1), System.err).measure(300, 50);
        }

        assertThat(figures).extracting(Figure::name).containsExactly("fuzz10k_s", "fuzz_warm_p99_ms");
        assertThat(figures).allSatisfy(f -> assertThat(f.error()).as(f.name()).isNull());
        Figure clear = figures.get(0);
        assertThat(clear.system()).isPositive().isLessThan(90.0);
        assertThat(clear.extras()).containsEntry("bad", 300).containsEntry("good", 6);
        Figure warm = figures.get(1);
        assertThat(warm.raw()).as("p99 at rest").isPositive();
        assertThat(warm.system()).as("p99 while the batch drains").isPositive();
        assertThat(warm.extras().get("n_during")).isNotEqualTo(0);
        System.out.println(new FigureTable().render(figures));
    }
}
