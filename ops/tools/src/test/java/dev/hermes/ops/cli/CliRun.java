package dev.hermes.ops.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs `ops/hermes ...` in-process with the given environment and stdin; captures the exit code and output. */
public record CliRun(int code, String out, String err) {

    public static CliRun run(Map<String, String> env, String... args) {
        return run(env, "", Clock.systemUTC(), args);
    }

    public static CliRun run(Map<String, String> env, String stdin, Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                new CliEnv(env),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clock,
                false);
        int code = new HermesCli(context).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The environment of a command run against {@code stack}'s fleet: its broker, topics and workers' group. */
    public static Map<String, String> env(dev.hermes.worker.testing.Stack stack) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                stack.bootstrapServers(),
                "HERMES_TOPIC_PREFIX",
                stack.topics().prefix(),
                "HERMES_GROUP_ID",
                stack.fleet());
    }

    /** Kafka on a closed port: a command that reaches Kafka fails; one refused before that never notices. */
    public static Map<String, String> nowhere() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1", "HERMES_PG_URL", "jdbc:postgresql://127.0.0.1:1/none");
    }
}
