package dev.hermes.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.cli.CliEnv;
import dev.hermes.ops.cli.DlqCommand;
import dev.hermes.ops.cli.HermesCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong command lines are refused with the usage (exit 2) before anything talks to Kafka. */
class DlqCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                             | say 'dlq list' or 'dlq replay'",
        "show                                           | say 'dlq list' or 'dlq replay'",
        "list --limit 0                                 | --limit needs a positive number, got '0'",
        "list --limit                                   | option --limit needs a value",
        "list --all                                     | unexpected argument '--all'",
        "replay                                         | give either --source TOPIC-PARTITION@OFFSET or --all",
        "replay --dry-run                               | give either --source TOPIC-PARTITION@OFFSET or --all",
        "replay --all --source hermes.runtime.requests-1@2 | give either --source",
        "replay --source requests                       | expected TOPIC-PARTITION@OFFSET, got 'requests'"})
    void refusesWithTheUsage(String commandLine, String message) {
        String[] args = ("dlq " + commandLine).trim().split("\\s+");

        int exit = new HermesCli(List.of(new DlqCommand())).run(args,
                new CliEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).contains("usage: ops/hermes dlq list");
    }
}
