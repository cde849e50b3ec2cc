package dev.hermes.ops.bench;

import dev.hermes.ops.cli.CliEnv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * ops/bench: measures the system and its raw baseline in the same run against the local stack, prints
 * the table on stdout (progress on stderr), writes the JSON to --out, and removes every container,
 * volume and topic it made (also on Ctrl-C). Exit 0 when every figure was measured, 1 if one failed,
 * 2 on a bad command line. Targets missed do not change the exit code: the table says so.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        quietKafkaClients();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Instant started = Instant.now();
        String loadAtStart = loadAverage();
        BenchStack stack = new BenchStack(new CliEnv(System.getenv()), runId);
        AtomicBoolean cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                System.err.println("[bench] cleaning up (run " + runId + ")");
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp, "bench-cleanup"));
        System.err.printf(
                "[bench] run %s: %s, %d worker(s) in group %s, image %s, load average %s%n",
                runId,
                options.quick() ? "quick" : "full",
                stack.fleet().workers(),
                stack.fleet().group(),
                stack.image(),
                loadAtStart);
        List<Figure> figures = new BenchRun(stack, options, System.err).run();
        cleanUp.run();
        System.out.println();
        System.out.print(new FigureTable().render(figures));
        long met = figures.stream().filter(f -> Boolean.TRUE.equals(f.ok())).count();
        long judged = figures.stream().filter(f -> f.ok() != null).count();
        System.out.printf("%d of %d targets met%n", met, judged);
        if (options.out() != null) {
            Files.writeString(
                    options.out(),
                    new FigureJson().render(runFacts(runId, started, loadAtStart, options, stack), figures),
                    StandardCharsets.UTF_8);
            System.err.println("[bench] wrote " + options.out());
        }
        System.exit(figures.stream().anyMatch(f -> f.error() != null) ? 1 : 0);
    }

    private static Map<String, Object> runFacts(
            String runId, Instant started, String loadAtStart, BenchOptions options, BenchStack stack) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("runId", runId);
        run.put("startedAt", started.toString());
        run.put("seconds", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);
        run.put("quick", options.quick());
        run.put("counts", options.counts());
        run.put("workers", stack.fleet().workers());
        run.put("group", stack.fleet().group());
        run.put("partitions", stack.fleet().partitions());
        run.put("image", stack.image());
        run.put("cpus", Runtime.getRuntime().availableProcessors());
        run.put("loadavg_start", loadAtStart);
        run.put("loadavg_end", loadAverage());
        return run;
    }

    /** Kafka's client warnings (e.g. about partitions a finished replay no longer reads) are noise here. */
    private static void quietKafkaClients() {
        if (LoggerFactory.getLogger("org.apache.kafka") instanceof ch.qos.logback.classic.Logger kafka) {
            kafka.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    /** /proc/loadavg's 1, 5 and 15 minute averages: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(java.nio.file.Path.of("/proc/loadavg"))
                    .trim()
                    .split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
