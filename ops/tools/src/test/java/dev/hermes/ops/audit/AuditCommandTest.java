package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.cli.CliRun;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong command lines are refused with the usage (exit 2) before anything talks to Kafka. */
class AuditCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                        | say 'audit user' or 'audit fleet'                 | audit user",
                "users                                     | unknown action 'users'; say 'audit user' or 'audit fleet' | audit user",
                "user                                      | Missing required parameter: '<user-id>'           | audit user",
                "user USR_42                               | user id must be a canonical lowercase UUID        | audit user",
                "user --json                               | Missing required parameter: '<user-id>'           | audit user",
                "fleet --since                             | Missing required parameter for option '--since' (T) | audit fleet",
                "fleet --since yesterday                   | cannot read time 'yesterday'                      | audit fleet",
                "fleet --since=yesterday                   | cannot read time 'yesterday'                      | audit fleet",
                "fleet --since 1d --until 2d               | must be before --until                            | audit fleet",
                "fleet --all-partitions                    | unexpected argument '--all-partitions'            | audit fleet",
                "fleet aaaaaaaa-1111-4111-8111-111111111111 | unexpected argument 'aaaaaaaa-1111-4111-8111-111111111111' | audit fleet",
                "user aaaaaaaa-1111-4111-8111-111111111111 bbbbbbbb-2222-4222-8222-222222222222 | unexpected argument | audit user"
            })
    void refusesWithTheUsage(String commandLine, String message, String usage) {
        String[] args = ("audit " + commandLine).trim().split("\\s+");

        CliRun run = CliRun.run(CliRun.nowhere(), "", new MutableClock(Instant.parse("2026-11-27T12:00:00Z")), args);

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(message).contains("usage: ops/hermes " + usage);
    }
}
