package dev.hermes.ops.chaos;

import dev.hermes.ops.bench.Figure;
import dev.hermes.ops.bench.FigureJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * ops/chaos: the fault suite. Starts its own broker container, 2–3 worker processes and a PostgreSQL
 * schema, runs each scenario under a steady load, prints one row per scenario on stdout (progress on
 * stderr), writes the figures JSON (ops/bench's shape) to --out, and removes all it made (also on
 * Ctrl-C). Exit 0 when nothing was lost and no family had two containers, 1 otherwise, 2 on a bad
 * command line.
 */
public final class ChaosMain {
    private ChaosMain() {}

    public static void main(String[] args) throws Exception {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ChaosOptions.USAGE);
            System.exit(2);
            return;
        }
        if (LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafka) {
            kafka.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        String runId = ChaosStack.newRunId();
        Instant started = Instant.now();
        ChaosConfig config = ChaosConfig.fromEnv(System.getenv(), Map.of());
        List<Fault> faults = Scenarios.selected(options.only(), options.quick());
        PrivatePostgres postgres = null;
        if (Scenarios.stopPostgres(faults)) {
            // the PostgreSQL scenarios stop the server: the whole run uses one of its own, never the shared one
            postgres = PrivatePostgres.start();
            config = config.withPg(postgres.jdbcUrl(), "postgres");
            System.err.println("[chaos] private PostgreSQL on " + postgres.jdbcUrl());
        }
        System.err.printf(
                "[chaos] run %s: %s, %d workers, broker image %s, agent image %s%n",
                runId, options.quick() ? "quick" : "full", options.workers(), config.kafkaImage(), config.agentImage());
        ChaosStack stack;
        try {
            stack = new ChaosStack(config, runId).withPrivatePostgres(postgres);
        } catch (Exception e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
        AtomicBoolean cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                System.err.println("[chaos] cleaning up (run " + runId + ")");
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp, "chaos-cleanup"));
        List<ScenarioResult> results = new ArrayList<>();
        try {
            stack.up(options.workers());
            ScenarioRunner runner = new ScenarioRunner(stack, options.shape(), System.err);
            for (Fault fault : faults) {
                results.add(runner.run(fault));
            }
        } finally {
            cleanUp.run();
        }
        System.out.println();
        System.out.print(ChaosTable.render(results));
        if (options.out() != null) {
            List<Figure> figures = new ArrayList<>();
            results.forEach(r -> figures.addAll(ChaosFigures.of(r)));
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("runId", runId);
            run.put("startedAt", started.toString());
            run.put("seconds", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
            run.put("quick", options.quick());
            run.put("workers", options.workers());
            run.put("shape", options.shape().toString());
            run.put("kafkaImage", config.kafkaImage());
            run.put("image", config.agentImage());
            run.put("cpus", Runtime.getRuntime().availableProcessors());
            Files.writeString(options.out(), new FigureJson().render(run, figures), StandardCharsets.UTF_8);
            System.err.println("[chaos] wrote " + options.out());
        }
        System.exit(!results.isEmpty() && results.stream().allMatch(ChaosTable::ok) ? 0 : 1);
    }
}
