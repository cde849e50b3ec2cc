package dev.hermes.ops.chaos;

import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one scenario on a stack: warms its families, starts the load and the duplicate watch, lets it run
 * steadily, injects the fault, lets the fleet recover under load, stops the load, waits for late answers,
 * and sums it up.
 */
public final class ScenarioRunner {
    private final ChaosStack stack;
    private final LoadShape shape;
    private final PrintStream progress;

    public ScenarioRunner(ChaosStack stack, LoadShape shape, PrintStream progress) {
        this.stack = stack;
        this.shape = shape;
        this.progress = progress;
    }

    public ScenarioResult run(Fault fault) {
        try {
            return measure(fault);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ScenarioResult.failed(fault.name(), "interrupted");
        } catch (Exception e) {
            progress.printf("[chaos] %s could not run: %s%n", fault.name(), e);
            return ScenarioResult.failed(fault.name(), e.toString());
        }
    }

    private ScenarioResult measure(Fault fault) throws Exception {
        progress.printf("[chaos] %s: %s%n", fault.name(), fault.describe());
        List<UserId> warm = warmFamilies();
        LoadGenerator load = new LoadGenerator(stack.client(), shape, warm, user -> {});
        ScenarioContext context = new ScenarioContext(stack, load, shape, progress);
        fault.prepare(context);
        Fault.Window window;
        List<Sent> sent;
        Set<String> duplicates;
        try (DuplicateWatch watch = new DuplicateWatch(stack.docker(), stack.runId()).start()) {
            load.start();
            Thread.sleep(shape.before().toMillis());
            window = fault.inject(context);
            Thread.sleep(shape.after().toMillis());
            sent = load.stop();
            progress.printf("[chaos] %s: %d requests sent; waiting for late answers%n", fault.name(), sent.size());
            duplicates = watch.finish();
        }
        List<Outcome> outcomes = new ReplyTally(
                        stack.broker().bootstrapServers(),
                        stack.topics().replies(),
                        stack.topics().events())
                .settle(sent, shape.grace());
        Map<String, Object> more = new LinkedHashMap<>();
        more.put("fault", fault.describe());
        more.put(
                "workers_alive",
                stack.workers().stream().filter(ChaosWorker::alive).count());
        window.marks().forEach((mark, atMs) -> more.put(mark, atMs - window.startMs()));
        DeathTimes deaths = new DeathTimes(stack.docker());
        List<DeadUrl> dead = sent.stream()
                .filter(Sent::deadUrl)
                .map(s -> DeadUrl.classify(s, deaths.of(s.containerName()), window.sigtermMs()))
                .toList();
        dead.forEach(d -> progress.printf("[chaos] %s: dead URL %s%n", fault.name(), d.json(window.startMs())));
        ScenarioResult result = ScenarioResult.of(
                fault.name(),
                outcomes,
                duplicates,
                window.startMs(),
                window.endMs(),
                shape.warmThresholdMs(),
                more,
                dead);
        progress.printf(
                "[chaos] %s: sent %d, in time %d, late %d, expired %d, lost %d, duplicates %d, dead URLs %d (dead at the answer %d, died after it %d), recover %s s, warm p99 %s ms%n",
                result.name(),
                result.sent(),
                result.inTime(),
                result.late(),
                result.expired(),
                result.lost(),
                result.duplicates(),
                result.deadUrls(),
                result.deadAtAnswer(),
                result.diedAfterAnswer(),
                result.recoverSeconds(),
                result.warmP99FaultMs());
        stack.broker().awaitServing(Duration.ofSeconds(60));
        return result;
    }

    /** {@code shape.warmFamilies()} new families, each ensured once (cold) so the load finds them warm. */
    private List<UserId> warmFamilies() {
        List<UserId> warm = new ArrayList<>();
        List<CompletableFuture<?>> ready = new ArrayList<>();
        for (int i = 0; i < shape.warmFamilies(); i++) {
            UserId user = UserId.random();
            warm.add(user);
            ready.add(stack.client().ensureRuntimeAsync(user, Duration.ofSeconds(60)));
        }
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        return warm;
    }
}
