package dev.hermes.ops.bench;

import dev.hermes.ops.cli.CliEnv;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ops/fuzz: one fuzz batch against the local stack's workers. Prints the table by kind and each claim's
 * PASS/FAIL on stdout (progress on stderr); forgets the good families afterwards (also on Ctrl-C). Exit 0
 * when every claim holds, 1 when one does not, 2 on a bad command line.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) throws InterruptedException {
        FuzzOptions options;
        try {
            options = FuzzOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(FuzzOptions.USAGE);
            System.exit(2);
            return;
        }
        String runId = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        BenchStack stack = new BenchStack(new CliEnv(System.getenv()), runId);
        AtomicBoolean cleaned = new AtomicBoolean();
        Runnable cleanUp = () -> {
            if (cleaned.compareAndSet(false, true)) {
                System.err.println("[fuzz] forgetting the good families (run " + runId + ")");
                stack.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(cleanUp, "fuzz-cleanup"));
        Duration timeout = Duration.ofSeconds(Long.parseLong(stack.env().get("HERMES_FUZZ_TIMEOUT_SEC", "300")));
        FuzzRun.Result result =
                new FuzzRun(stack, System.err).run(options.records(), options.good(), options.seed(), timeout);
        cleanUp.run();
        System.out.println();
        System.out.print(result.tally().table());
        System.out.println();
        System.out.printf("cleared in %.1f s (first send to the last DLQ copy or answer)%n", result.clearSeconds());
        result.verdicts().forEach(v -> System.out.println(v.describe()));
        System.exit(result.allHold() ? 0 : 1);
    }
}
