package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.cli.AuditCommand;
import dev.hermes.ops.cli.CliEnv;
import dev.hermes.ops.cli.HermesCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wrong command lines are refused with the usage (exit 2) before anything talks to Kafka. */
class AuditCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                                        | say 'audit user <user-id>' or 'audit fleet'",
        "users                                     | say 'audit user <user-id>' or 'audit fleet'",
        "user                                      | give the user id",
        "user USR_42                               | user id must be a canonical lowercase UUID",
        "user --json                               | give the user id",
        "fleet --since                             | option --since needs a value",
        "fleet --since yesterday                   | cannot read time 'yesterday'",
        "fleet --since 1d --until 2d               | must be before --until",
        "fleet --all-partitions extra              | unexpected argument 'extra'",
        "fleet aaaaaaaa-1111-4111-8111-111111111111 | unexpected argument 'aaaaaaaa-1111-4111-8111-111111111111'",
        "user aaaaaaaa-1111-4111-8111-111111111111 bbbbbbbb-2222-4222-8222-222222222222 | unexpected argument"})
    void refusesWithTheUsage(String commandLine, String message) {
        String[] args = ("audit " + commandLine).trim().split("\\s+");

        int exit = new HermesCli(List.of(new AuditCommand(new MutableClock(Instant.parse("2026-11-27T12:00:00Z")),
                false))).run(args, new CliEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")), print(out),
                print(err));

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message)
                .contains("usage: ops/hermes audit user <user-id> [--since T] [--until T] [--all-partitions] [--json]");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
