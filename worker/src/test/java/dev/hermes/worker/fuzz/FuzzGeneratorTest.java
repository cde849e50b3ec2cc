package dev.hermes.worker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.fuzz.kit.FuzzGenerator;
import dev.hermes.worker.fuzz.kit.FuzzKind;
import dev.hermes.worker.fuzz.kit.FuzzPlan;
import dev.hermes.worker.fuzz.kit.FuzzRecord;
import dev.hermes.worker.kafka.Partitions;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FuzzGeneratorTest {
    private static final Topics TOPICS = new Topics("hermes.");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final FuzzPlan PLAN = new FuzzPlan(7, 2_000, 40, TOPICS, 12, 24, NOW, Duration.ofMinutes(15));
    private final EventCodec codec = new EventCodec();

    @Test
    void theSameSeedGivesTheSameBytes() {
        List<FuzzRecord> once = FuzzGenerator.generate(PLAN);
        List<FuzzRecord> again = FuzzGenerator.generate(PLAN);

        assertThat(once).hasSameSizeAs(again);
        for (int i = 0; i < once.size(); i++) {
            assertThat(once.get(i).kind()).isEqualTo(again.get(i).kind());
            assertThat(once.get(i).value()).isEqualTo(again.get(i).value());
            assertThat(once.get(i).key()).isEqualTo(again.get(i).key());
            assertThat(once.get(i).partition()).isEqualTo(again.get(i).partition());
        }
        assertThat(FuzzGenerator.generate(new FuzzPlan(8, 2_000, 40, TOPICS, 12, 24, NOW, Duration.ofMinutes(15)))
                        .get(0)
                        .value())
                .isNotEqualTo(once.get(0).value());
    }

    @Test
    void everyBadKindComesUpAndTheGoodOnesAreMixedIn() {
        List<FuzzRecord> records = FuzzGenerator.generate(PLAN);

        assertThat(records).hasSize(2_040);
        Set<FuzzKind> kinds = records.stream().map(FuzzRecord::kind).collect(Collectors.toSet());
        assertThat(kinds).containsAll(EnumSet.allOf(FuzzKind.class));
        assertThat(kinds.stream().filter(FuzzKind::bad)).hasSizeGreaterThanOrEqualTo(15);
        assertThat(records.stream().filter(r -> r.kind() == FuzzKind.GOOD)).hasSize(40);
        assertThat(records.stream().filter(r -> r.kind() == FuzzKind.HUGE_VALUE))
                .hasSize(2);
        assertThat(records.subList(0, 1_000).stream().filter(r -> r.kind() == FuzzKind.GOOD))
                .as("good requests are spread through the batch")
                .isNotEmpty();
        assertThat(records)
                .extracting(FuzzRecord::index)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.range(0, 2_040).boxed().toList());
    }

    @Test
    void theHugeValueIsAbout900kBAndFitsInAKafkaRecord() {
        FuzzRecord huge = FuzzGenerator.generate(PLAN).stream()
                .filter(r -> r.kind() == FuzzKind.HUGE_VALUE)
                .findFirst()
                .orElseThrow();

        assertThat(huge.value().length).isBetween(900 * 1024, 1_000_000);
    }

    @Test
    void deepNestingIsTenThousandLevels() {
        FuzzGenerator.generate(PLAN).stream()
                .filter(r -> r.kind() == FuzzKind.DEEP_NESTING)
                .forEach(r -> assertThat(r.value().length).isGreaterThanOrEqualTo(20_000));
    }

    @Test
    void goodRequestsAreValidOnTheirKeysCanonicalPartition() {
        for (FuzzRecord r : FuzzGenerator.generate(PLAN)) {
            if (r.kind() != FuzzKind.GOOD) {
                continue;
            }
            RuntimeRequested request = codec.decode(r.value(), RuntimeRequested.class);
            assertThat(request.userId()).isEqualTo(UserId.parse(r.key())).isEqualTo(r.family());
            assertThat(request.correlationId()).isEqualTo(r.correlationId());
            assertThat(request.replyTopic()).isEqualTo(TOPICS.replies());
            assertThat(request.deadline()).isAfter(NOW.plusSeconds(600));
            assertThat(r.partition()).isEqualTo(Partitions.ofKey(r.key(), 12));
        }
    }

    /** What a worker must refuse before it ensures anything: the codec or the key check rejects it. */
    @Test
    void rejectedKindsForFreshFamiliesNeverDecodeToAServableEvent() {
        for (FuzzRecord r : FuzzGenerator.generate(PLAN)) {
            FuzzKind kind = r.kind();
            if (kind.expect() != FuzzKind.Expect.REJECTED || kind.namesGoodFamily()) {
                continue;
            }
            assertThat(servable(r))
                    .as("%s #%d: %s", kind, r.index(), preview(r))
                    .isFalse();
        }
    }

    @Test
    void kindsAimedAtAGoodFamilyNameOne() {
        List<FuzzRecord> records = FuzzGenerator.generate(PLAN);
        Set<UserId> good = records.stream()
                .filter(r -> r.kind() == FuzzKind.GOOD)
                .map(FuzzRecord::family)
                .collect(Collectors.toSet());
        records.stream()
                .filter(r -> r.kind().bad() && r.kind().namesGoodFamily())
                .forEach(r -> assertThat(good).contains(r.family()));
        records.stream()
                .filter(r -> r.kind().bad() && !r.kind().namesGoodFamily())
                .forEach(r -> assertThat(good).doesNotContain(r.family()));
    }

    @Test
    void staleKindsAreADayOld() {
        for (FuzzRecord r : FuzzGenerator.generate(PLAN)) {
            if (r.kind() == FuzzKind.STALE_DEADLINE) {
                assertThat(codec.decode(r.value(), RuntimeRequested.class).deadline())
                        .isBefore(NOW.minus(Duration.ofHours(23)));
            } else if (r.kind() == FuzzKind.STALE_HEARTBEAT) {
                assertThat(codec.decode(r.value(), Heartbeat.class).occurredAt())
                        .isBefore(NOW.minus(Duration.ofHours(23)));
            }
        }
    }

    private boolean servable(FuzzRecord r) {
        Event event;
        try {
            event = codec.decode(r.value());
        } catch (InvalidEventException e) {
            return false;
        }
        boolean requestsTopicType = event instanceof RuntimeRequested || event instanceof Heartbeat;
        return requestsTopicType && event.userId().equals(UserId.parse(r.key()));
    }

    private static String preview(FuzzRecord r) {
        byte[] head = Arrays.copyOf(r.value(), Math.min(160, r.value().length));
        return new String(head, java.nio.charset.StandardCharsets.UTF_8);
    }
}
