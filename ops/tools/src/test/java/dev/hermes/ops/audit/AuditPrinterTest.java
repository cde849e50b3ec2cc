package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.schemas.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AuditPrinterTest {
    private static final String TOPIC = "hermes.runtime.events";
    private final AuditPrinter printer = new AuditPrinter(new AuditJson());
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void printsTheTimelineOneAlignedLinePerEvent() {
        assertThat(print(out -> printer.timeline(userA(), false, out))).isEqualTo(AuditExpected.timelineText());
    }

    @Test
    void printsTheTimelineAsJsonWithEveryFieldOfEveryEvent() throws Exception {
        JsonNode json = mapper.readTree(print(out -> printer.timeline(userA(), true, out)));

        assertThat(json.get("userId").asText()).isEqualTo(AuditHistory.A.value());
        assertThat(json.get("recordsRead").asLong()).isEqualTo(13);
        assertThat(json.get("events")).hasSize(13);
        List<String> names = new ArrayList<>();
        json.get("events").get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "occurredAt",
                        "type",
                        "eventId",
                        "reason",
                        "coldStart",
                        "adopted",
                        "settingsVersion",
                        "settingsVersionInferred",
                        "fromSettingsVersion",
                        "createMs",
                        "startMs",
                        "healthMs",
                        "totalMs",
                        "durationMs",
                        "correlationId",
                        "correlationIdInferred",
                        "causationId",
                        "workerId",
                        "containerName",
                        "message");
        JsonNode failed = json.get("events").get(12);
        assertThat(failed.get("occurredAt").asText()).isEqualTo("2026-11-20T11:02:00.100Z");
        assertThat(failed.get("type").asText()).isEqualTo("RuntimeFailed");
        assertThat(failed.get("reason").asText()).isEqualTo("HEALTH_TIMEOUT");
        assertThat(failed.get("settingsVersion").asLong()).isEqualTo(2);
        assertThat(failed.get("settingsVersionInferred").asBoolean()).isTrue();
        assertThat(failed.get("totalMs").isNull()).isTrue();
        assertThat(failed.get("message").asText()).isEqualTo("no 200 from GET /health within 120 s");
        JsonNode recreated = json.get("events").get(8);
        assertThat(recreated.get("fromSettingsVersion").asLong()).isEqualTo(1);
        assertThat(recreated.get("settingsVersion").asLong()).isEqualTo(2);
        assertThat(recreated.get("durationMs").asLong()).isEqualTo(1400);
        assertThat(json.get("events").get(11).get("correlationIdInferred").asBoolean())
                .isTrue();
    }

    @Test
    void printsTheFleetSummary() {
        assertThat(print(out -> printer.fleet(fleet(), false, out)))
                .isEqualTo(AuditExpected.fleetText(TOPIC, "value is not JSON"));
    }

    @Test
    void printsTheFleetSummaryAsJson() throws Exception {
        assertThat(mapper.readTree(print(out -> printer.fleet(fleet(), true, out))))
                .isEqualTo(mapper.readTree(AuditExpected.fleetJson(TOPIC, "value is not JSON")));
    }

    @Test
    void anEmptyWindowPrintsZerosAndDashes() {
        FleetSummary empty =
                new FleetTally().summary(TOPIC, ReplayScope.fleet(null, null), new ReplayStats(0, 0, 0, List.of()));

        assertThat(print(out -> printer.fleet(empty, false, out))).isEqualTo("""
fleet: hermes.runtime.events; 0 records read, 0 undecodable
events: none
spawns: 0
answers: 0 (cold 0, warm 0)
resumes: 0 (paused runtimes woken instead of a cold start)
failures: 0
stops: 0
recreates: 0
  timings (ms)     count     p50     p95     p99     max
  ensure               0       -       -       -       -
  ensure cold          0       -       -       -       -
  ensure warm          0       -       -       -       -
  create               0       -       -       -       -
  start                0       -       -       -       -
  health (cold)        0       -       -       -       -
  resume               0       -       -       -       -
top failing users: none
""");
    }

    static UserAudit userA() {
        return new UserAudit(
                Timeline.of(AuditHistory.A, AuditHistory.userA()),
                ReplayScope.user(AuditHistory.A, null, null),
                new ReplayStats(13, 13, 0, List.of()));
    }

    static FleetSummary fleet() {
        List<Event> all = new ArrayList<>(AuditHistory.userA());
        all.addAll(AuditHistory.userB());
        all.add(AuditHistory.orphan());
        FleetTally tally = new FleetTally();
        all.forEach(tally::accept);
        return tally.summary(
                TOPIC,
                ReplayScope.fleet(null, null),
                new ReplayStats(19, 18, 1, List.of(new UndecodableRecord(TOPIC + "-0@0", "value is not JSON"))));
    }

    private static String print(Consumer<PrintStream> printing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printing.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
