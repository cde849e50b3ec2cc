package dev.hermes.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.cli.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong command lines are refused with the usage (exit 2) before anything talks to Kafka. */
class DlqCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                             | say 'dlq list' or 'dlq replay'",
                "show                                           | unknown action 'show'; say 'dlq list' or 'dlq replay'",
                "list --limit 0                                 | --limit needs a positive number, got '0'",
                "list --limit=0                                 | --limit needs a positive number, got '0'",
                "list --limit                                   | Missing required parameter for option '--limit' (N)",
                "list --limit x                                 | Invalid value for option '--limit': 'x' is not an int",
                "list --all                                     | unexpected argument '--all'",
                "replay                                         | give either --source TOPIC-PARTITION@OFFSET or --all",
                "replay --dry-run                               | give either --source TOPIC-PARTITION@OFFSET or --all",
                "replay --all --source hermes.runtime.requests-1@2 | give either --source",
                "replay --source requests                       | expected TOPIC-PARTITION@OFFSET, got 'requests'",
                "replay --source=requests                       | expected TOPIC-PARTITION@OFFSET, got 'requests'"
            })
    void refusesWithTheUsage(String commandLine, String message) {
        String[] args = ("dlq " + commandLine).trim().split("\\s+");

        CliRun run = CliRun.run(CliRun.nowhere(), args);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(message).contains("usage: ops/hermes dlq ");
    }
}
