package dev.hermes.ops.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hermes.ops.audit.ReplayPlan;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The assembly of `status` lines from fake inputs: pure logic, no Docker, no Kafka. */
class FleetStatusAssemblyTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final UserId RUNNING = UserId.of("00000000-0000-4000-8000-00000000000a");
    private static final UserId PAUSED = UserId.of("00000000-0000-4000-8000-00000000000b");
    private static final UserId IDLE = UserId.of("00000000-0000-4000-8000-00000000000c");
    private static final UserId FAILED = UserId.of("00000000-0000-4000-8000-00000000000d");
    private static final UserId FORGOTTEN = UserId.of("00000000-0000-4000-8000-00000000000e");
    private static final UserId RECOVERED = UserId.of("00000000-0000-4000-8000-00000000000f");

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static RuntimeReady ready(UserId user, Instant at, long version) {
        return new RuntimeReady(
                UUID.randomUUID(),
                at,
                user,
                UUID.randomUUID(),
                "http://x",
                user.containerName(),
                version,
                true,
                1,
                1,
                1,
                3,
                "w1",
                UUID.randomUUID());
    }

    private static RuntimeFailed failed(UserId user, Instant at, FailureReason reason) {
        return new RuntimeFailed(UUID.randomUUID(), at, user, UUID.randomUUID(), reason, "boom", "w1", null);
    }

    private static RuntimeStopped stopped(UserId user, Instant at, StopReason reason) {
        return new RuntimeStopped(UUID.randomUUID(), at, user, null, "w1", user.containerName(), reason, true, false);
    }

    private static FleetInputs inputs() {
        AuditDigest audit = new AuditDigest();
        audit.accept(ready(RUNNING, ago(30), 3));
        audit.accept(ready(IDLE, ago(90), 2));
        audit.accept(stopped(IDLE, ago(60), StopReason.IDLE));
        audit.accept(ready(FAILED, ago(50), 2));
        audit.accept(stopped(FAILED, ago(40), StopReason.DIED));
        audit.accept(failed(FAILED, ago(20), FailureReason.SPAWN_ERROR));
        audit.accept(ready(FORGOTTEN, ago(50), 2));
        audit.accept(stopped(FORGOTTEN, ago(10), StopReason.FORGET));
        audit.accept(failed(RECOVERED, ago(25), FailureReason.HEALTH_TIMEOUT));
        audit.accept(ready(RECOVERED, ago(15), 3));
        int partitions = 4;
        return new FleetInputs(
                List.of(
                        new EngineContainer(RUNNING, "local", "exited", 2, ago(300)),
                        new EngineContainer(RUNNING, "host-b", "running", 3, ago(30)),
                        new EngineContainer(PAUSED, "local", "paused", 3, ago(125)),
                        new EngineContainer(RECOVERED, "local", "running", 3, ago(15))),
                Map.of(RUNNING, ago(1), PAUSED, ago(20), IDLE, ago(70)),
                audit.facts(),
                new PartitionOwners(
                        partitions, Map.of(ReplayPlan.partitionOf(RUNNING.value(), partitions), "w1@10.0.0.1")),
                // the last-active host shows only where no engine listed a container
                Map.of(IDLE, "host-b", RUNNING, "host-old"));
    }

    @Test
    void eachFamilyGetsItsStateFromItsContainerOrItsLastEventAndTheForgottenOneIsLeftOut() {
        List<RuntimeStatus> lines = StatusAssembly.assemble(inputs(), NOW);

        assertThat(lines)
                .extracting(
                        RuntimeStatus::user, RuntimeStatus::state, RuntimeStatus::host, RuntimeStatus::settingsVersion)
                .containsExactly(
                        tuple(RUNNING, RuntimeState.RUNNING, "host-b", 3L),
                        tuple(PAUSED, RuntimeState.PAUSED, "local", 3L),
                        tuple(IDLE, RuntimeState.STOPPED, "host-b", 2L),
                        tuple(FAILED, RuntimeState.FAILED, null, 2L),
                        tuple(RECOVERED, RuntimeState.RUNNING, "local", 3L));
    }

    @Test
    void uptimeLastActiveAndTheOwningWorkerComeFromTheirOwnSources() {
        List<RuntimeStatus> lines = StatusAssembly.assemble(inputs(), NOW);

        RuntimeStatus running = lines.get(0);
        assertThat(running.uptime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(running.lastActive()).isEqualTo(ago(1));
        assertThat(running.worker()).isEqualTo("w1@10.0.0.1");
        assertThat(lines.get(1).uptime()).isEqualTo(Duration.ofMinutes(125));
        assertThat(lines.get(2).uptime()).isNull();
        assertThat(lines.get(2).lastActive()).isEqualTo(ago(70));
        assertThat(StatusPrinter.uptime(lines.get(1).uptime())).isEqualTo("2h5m");
    }

    @Test
    void theLastFailureIsKeptAfterARecoveryButOnlyAFailureAsLastEventMeansFailed() {
        List<RuntimeStatus> lines = StatusAssembly.assemble(inputs(), NOW);

        assertThat(lines)
                .extracting(RuntimeStatus::user, RuntimeStatus::lastFailure, RuntimeStatus::lastFailureAt)
                .containsExactly(
                        tuple(RUNNING, null, null),
                        tuple(PAUSED, null, null),
                        tuple(IDLE, null, null),
                        tuple(FAILED, "SPAWN_ERROR", ago(20)),
                        tuple(RECOVERED, "HEALTH_TIMEOUT", ago(25)));
    }

    @Test
    void anOlderEventReadLaterDoesNotOverrideTheNewestOne() {
        AuditDigest audit = new AuditDigest();
        audit.accept(ready(IDLE, ago(5), 4));
        audit.accept(stopped(IDLE, ago(10), StopReason.DIED));

        assertThat(audit.facts().get(IDLE).lastWasFailure()).isFalse();
        assertThat(audit.facts().get(IDLE).settingsVersion()).isEqualTo(4L);
    }

    @Test
    void theFilterKeepsFamiliesByIdSubstringAndState() {
        List<RuntimeStatus> lines = StatusAssembly.assemble(inputs(), NOW);

        assertThat(new StatusFilter("00000000000d", null).apply(lines))
                .extracting(RuntimeStatus::user)
                .containsExactly(FAILED);
        assertThat(new StatusFilter(null, RuntimeState.RUNNING).apply(lines))
                .extracting(RuntimeStatus::user)
                .containsExactly(RUNNING, RECOVERED);
        assertThat(StatusFilter.all().apply(lines)).hasSize(5);
        assertThat(StatusPrinter.countByState(lines))
                .containsEntry(RuntimeState.RUNNING, 2L)
                .containsEntry(RuntimeState.PAUSED, 1L)
                .containsEntry(RuntimeState.STOPPED, 1L)
                .containsEntry(RuntimeState.FAILED, 1L);
    }
}
