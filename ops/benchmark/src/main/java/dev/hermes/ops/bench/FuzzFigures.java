package dev.hermes.ops.bench;

import dev.hermes.client.RuntimeClient;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fuzz.kit.FuzzVerdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * fuzz10k_s: the stack's workers clear a fuzz batch ({@code counts.fuzz()} hostile records and one good
 * request per 50), from the first send to the last DLQ copy or answer it caused. fuzz_warm_p99_ms: one warm
 * family's ensure p99 while the batch drains (system) next to its p99 at rest just before (raw), same
 * client, same run. A batch that breaks one of the fuzz's claims fails both figures.
 */
public final class FuzzFigures {
    private static final int WARM_UP = 100;
    private static final long SEED = 11;
    private final BenchStack stack;
    private final RuntimeClient client;
    private final PrintStream progress;

    public FuzzFigures(BenchStack stack, RuntimeClient client, PrintStream progress) {
        this.stack = stack;
        this.client = client;
        this.progress = progress;
    }

    public List<Figure> measure(int bad, int atRest) throws Exception {
        int good = Math.max(1, bad / 50);
        UserId user = stack.janitor().systemUser(UserId.random());
        client.ensureRuntime(user, Duration.ofSeconds(130));
        for (int i = 0; i < WARM_UP; i++) {
            client.ensureRuntime(user, Duration.ofSeconds(10));
        }
        LatencySample rest = new LatencySample();
        for (int i = 0; i < atRest; i++) {
            rest.time(() -> client.ensureRuntime(user, Duration.ofSeconds(10)));
        }
        LatencySample during = new LatencySample();
        AtomicBoolean draining = new AtomicBoolean(true);
        CompletableFuture<FuzzRun.Result> batch = CompletableFuture.supplyAsync(() -> {
            try {
                return new FuzzRun(stack, progress).run(bad, good, SEED, timeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                draining.set(false);
            }
        });
        while (draining.get()) {
            during.time(() -> client.ensureRuntime(user, Duration.ofSeconds(30)));
        }
        FuzzRun.Result result = batch.get(10, TimeUnit.SECONDS);
        progress.print(result.tally().table());
        result.verdicts().forEach(v -> progress.println("[fuzz] " + v.describe()));
        stack.janitor().cleanSystem();

        Figure clear = FigureGroup.spec("fuzz10k_s")
                .of(result.clearSeconds(), null)
                .with("bad", bad)
                .with("good", good)
                .with("sent_s", (result.sentMillis() - result.firstSendMillis()) / 1000.0);
        Figure warm = FigureGroup.spec("fuzz_warm_p99_ms")
                .of(during.percentileMs(0.99), rest.percentileMs(0.99))
                .with("n_during", during.size())
                .with("n_at_rest", rest.size())
                .with("p50_during", during.medianMs())
                .with("p50_at_rest", rest.medianMs())
                .with("max_during", during.maxMs());
        if (!result.allHold()) {
            String broken = result.verdicts().stream()
                    .filter(v -> !v.holds())
                    .map(FuzzVerdict::claim)
                    .collect(Collectors.joining("; "));
            return List.of(failed(clear, broken), failed(warm, broken));
        }
        return List.of(clear, warm);
    }

    private static Figure failed(Figure figure, String broken) {
        return new Figure(
                figure.name(),
                figure.system(),
                figure.raw(),
                figure.unit(),
                figure.target(),
                figure.extras(),
                "fuzz claim broken: " + broken);
    }

    private Duration timeout() {
        return Duration.ofSeconds(Long.parseLong(stack.env().get("HERMES_FUZZ_TIMEOUT_SEC", "300")));
    }
}
