package dev.hermes.ops.cli;

import dev.hermes.ops.console.ConsoleServer;
import dev.hermes.ops.status.FleetEngines;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `console [--port P]`: the read-only web console on 127.0.0.1 until interrupted (Ctrl-C). */
@Command(
        name = "console",
        sortOptions = false,
        sortSynopsis = false,
        description = "Serve the read-only web console on 127.0.0.1: the fleet table with filters, recent failures, "
                + "recreate progress and each family's timeline from the audit. Runs until interrupted.")
public final class ConsoleCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--port", paramLabel = "P", description = "the port (default 8480; 0 picks a free one)")
    private int port = 8480;

    @Mixin
    private FleetOptions fleet;

    @Mixin
    private KafkaOptions kafka;

    public ConsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "hermes-console-stop");
        try (FleetEngines engines = fleet.engines(4);
                ConsoleServer console = ConsoleServer.serve(
                        fleet.status(kafka, engines), kafka.kafka(), kafka.topics(), context.clock(), port)) {
            Runtime.getRuntime().addShutdownHook(hook);
            context.out().println("console on http://127.0.0.1:" + console.port() + "/ (read-only; Ctrl-C stops it)");
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopped by its caller (a test, an embedding program): done
        } finally {
            removeHook(hook);
        }
        return 0;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is shutting down (the hook is what stopped us), or it was never added
        }
    }
}
