package dev.hermes.ops.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.UserId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChaosArithmeticTest {
    private static final UserId USER = UserId.random();

    @Test
    void aTimedOutRequestIsLateWithAReplyExpiredWithOnlyAnAuditAndLostWithNeither() {
        Sent timedOut =
                new Sent(Sent.Kind.WARM, USER, 1_000, 11_000, Sent.Answer.TIMEOUT, 11_000, UUID.randomUUID(), "");
        ReplyTally.Answer at15 = new ReplyTally.Answer(timedOut.correlationId(), 15_000, false);

        assertThat(Outcome.of(timedOut, at15, at15).status()).isEqualTo(Outcome.Status.LATE);
        assertThat(Outcome.of(timedOut, at15, null).latencyMs()).isEqualTo(14_000);
        assertThat(Outcome.of(timedOut, null, at15).status()).isEqualTo(Outcome.Status.EXPIRED);
        assertThat(Outcome.of(timedOut, null, null).status()).isEqualTo(Outcome.Status.LOST);
    }

    @Test
    void anAnswerBeforeTheDeadlineIsInTimeAndAFailedOneSaysSo() {
        Sent failed = new Sent(Sent.Kind.COLD, USER, 1_000, 31_000, Sent.Answer.FAILED, 4_000, null, "failed");

        Outcome outcome = Outcome.of(failed, null, null);

        assertThat(outcome.status()).isEqualTo(Outcome.Status.IN_TIME);
        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.latencyMs()).isEqualTo(3_000);
    }

    @Test
    void recoveryIsFromTheFaultsEndToTheFirstRequestAfterTheLastBadOne() {
        List<Outcome> outcomes = List.of(
                warm(0, Outcome.Status.IN_TIME, 5),
                warm(10_000, Outcome.Status.LOST, -1), // in the fault
                warm(21_000, Outcome.Status.IN_TIME, 4_000), // after it, too slow
                warm(23_000, Outcome.Status.IN_TIME, 5),
                warm(24_000, Outcome.Status.IN_TIME, 5));

        assertThat(Recovery.seconds(outcomes, 10_000, 20_000, 1_000)).isEqualTo(3.0);
        assertThat(Recovery.seconds(outcomes.subList(0, 3), 10_000, 20_000, 1_000))
                .as("the last request still bad: never recovered")
                .isNull();
        assertThat(Recovery.seconds(List.of(warm(15_000, Outcome.Status.IN_TIME, 5)), 10_000, 20_000, 1_000))
                .isZero();
    }

    @Test
    void theWarmP99CountsAnsweredWarmRequestsSentInTheWindow() {
        List<Outcome> outcomes = List.of(
                warm(9_000, Outcome.Status.IN_TIME, 900_000), // before the window
                warm(10_000, Outcome.Status.IN_TIME, 100),
                warm(11_000, Outcome.Status.LATE, 12_000),
                warm(12_000, Outcome.Status.LOST, -1),
                new Outcome(Sent.Kind.COLD, 12_000, Outcome.Status.IN_TIME, 50_000, false, ""));

        assertThat(Recovery.warmP99(outcomes, 10_000, 20_000)).isEqualTo(12_000.0);
        assertThat(Recovery.warmP99(outcomes, 30_000, 40_000)).isNull();
    }

    @Test
    void aScenarioCountsEveryOutcomeAndItsDuplicates() {
        ScenarioResult result = ScenarioResult.of(
                "s",
                List.of(
                        warm(1, Outcome.Status.IN_TIME, 5),
                        warm(2, Outcome.Status.LATE, 5),
                        warm(3, Outcome.Status.EXPIRED, 5),
                        warm(4, Outcome.Status.LOST, -1)),
                Set.of("family-a"),
                0,
                10,
                1_000,
                java.util.Map.of());

        assertThat(List.of(result.sent(), result.inTime(), result.late(), result.expired(), result.lost()))
                .containsExactly(4L, 1L, 1L, 1L, 1L);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(ChaosTable.ok(result)).isFalse();
        assertThat(ChaosTable.render(List.of(result, ScenarioResult.failed("t", "boom")))
                        .lines())
                .containsExactly(
                        "scenario                 sent  in_time   late  expired   lost  duplicates  dead_urls  dead_at_answer"
                                + "  died_after_answer  recover_s  warm_p99_fault_ms  ok?",
                        "s                           4        1      1        1      1           1          0               0"
                                + "                  0      never                  5  NO",
                        "t                      ERROR boom");
    }

    @Test
    void theCommandLineTakesKnownScenariosAndTwoOrThreeWorkers() {
        ChaosOptions options =
                ChaosOptions.parse(List.of("--out", "x.json", "--only", "broker_kill,agents", "--quick"));

        assertThat(options.only()).containsExactlyInAnyOrder("broker_kill", "agents");
        assertThat(options.workers()).isEqualTo(3);
        assertThat(Scenarios.selected(options.only(), true))
                .extracting(Fault::name)
                .containsExactly("broker_kill", "agents");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--only", "dockerd")))
                .hasMessageContaining("unknown scenario");
        assertThatThrownBy(() -> ChaosOptions.parse(List.of("--workers", "5"))).hasMessageContaining("2 or 3");
    }

    @Test
    void theDockerdRestartsRunOnlyWhenNamed() {
        ChaosOptions named = ChaosOptions.parse(List.of("--only", "dockerd_restart_live,broker_kill"));

        assertThat(Scenarios.selected(Set.of(), false))
                .extracting(Fault::name)
                .doesNotContain("dockerd_restart", "dockerd_restart_live")
                .hasSize(6);
        assertThat(Scenarios.selected(named.only(), false))
                .extracting(Fault::name)
                .containsExactly("broker_kill", "dockerd_restart_live");
        assertThat(Scenarios.selected(Set.of("dockerd_restart"), false))
                .singleElement()
                .isEqualTo(new DockerdRestart(
                        false,
                        10,
                        java.nio.file.Path.of(System.getenv()
                                .getOrDefault("HERMES_CHAOS_DOCKERD_SCRIPT", "ops/lib/dockerd-restart.sh"))));
        assertThat(ChaosOptions.USAGE).contains("dockerd_restart_live").contains("only with --only");
    }

    @Test
    void aReadyAnswerWhoseUrlDidNotAnswerIsInTimeButCountedAsADeadUrl() {
        Sent deadReady =
                new Sent(Sent.Kind.WARM, USER, 1_000, 11_000, Sent.Answer.READY, 1_050, null, "ready", Boolean.FALSE);
        Sent liveReady =
                new Sent(Sent.Kind.WARM, USER, 2_000, 12_000, Sent.Answer.READY, 2_050, null, "ready", Boolean.TRUE);
        Sent notProbed = new Sent(Sent.Kind.COLD, USER, 3_000, 33_000, Sent.Answer.FAILED, 4_000, null, "failed");

        Outcome dead = Outcome.of(deadReady, null, null);
        ScenarioResult result = ScenarioResult.of(
                "s",
                List.of(dead, Outcome.of(liveReady, null, null), Outcome.of(notProbed, null, null)),
                Set.of(),
                0,
                10,
                1_000,
                java.util.Map.of());

        assertThat(dead.status()).isEqualTo(Outcome.Status.IN_TIME);
        assertThat(dead.latencyMs()).as("the probe is not in the latency").isEqualTo(50);
        assertThat(dead.deadUrl()).isTrue();
        assertThat(result.deadUrls()).isEqualTo(1);
        assertThat(result.inTime()).isEqualTo(3);
        assertThat(result.extras()).containsEntry("warm_dead_urls", 1L).containsEntry("cold_dead_urls", 0L);
        assertThat(ChaosFigures.of(result))
                .filteredOn(f -> f.name().equals("s.dead_at_answer"))
                .singleElement()
                .satisfies(f -> assertThat(f.ok())
                        .as("not told apart: counted dead at the answer")
                        .isFalse());
        assertThat(ChaosTable.render(List.of(result))
                        .lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow())
                .contains("          1  ");
    }

    @Test
    void theProbeAsksHealthOnlyOnLoopbackAndCountsAnythingButA200AsDead() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            int status = exchange.getRequestURI().getPath().equals("/health") ? 200 : 404;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/sick/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            UrlProbe probe = new UrlProbe();

            assertThat(probe.answers(base)).isTrue();
            assertThat(probe.answers(base + "/sick")).isFalse();
            assertThat(probe.answers("http://127.0.0.1:" + FreePort.find())).isFalse();
            assertThat(probe.answers("http://172.17.0.2:8080")).isNull();
            assertThat(probe.answers(null)).isNull();
        } finally {
            server.stop(0);
        }
    }

    private static Outcome warm(long sentAt, Outcome.Status status, long latency) {
        return new Outcome(Sent.Kind.WARM, sentAt, status, latency, false, "");
    }
}
