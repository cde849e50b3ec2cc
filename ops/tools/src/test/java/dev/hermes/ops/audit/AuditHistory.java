package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A known history of two families and a legacy orphan, used by the unit tests and by AuditIT. User A
 * (partition 1 of 4): a cold start on settings v1, two warm answers, a settings recreate to v2, an idle
 * reap, then a request whose adopted container never gets healthy. User B (partition 2): a cold start and
 * a spawn error. The orphan's stop has no user (null key).
 */
final class AuditHistory {
    static final UserId A = UserId.of("aaaaaaaa-1111-4111-8111-111111111111");
    static final UserId B = UserId.of("bbbbbbbb-2222-4222-8222-222222222222");
    static final UUID SETTINGS_CHANGE = id("5e771265", 1);

    private AuditHistory() {}

    static List<Event> userA() {
        String a = A.containerName();
        return List.of(
                new RuntimeSpawned(
                        id("e0", 1),
                        at("10:00:00"),
                        A,
                        corr(1),
                        req(1),
                        "worker-1",
                        a,
                        "c0ffee01",
                        1,
                        "sha256:aaaa",
                        180),
                new RuntimeStarted(
                        id("e0", 2), at("10:00:00.250"), A, corr(1), req(1), "worker-1", a, "c0ffee01", false, 70),
                new RuntimeReady(
                        id("e0", 3),
                        at("10:00:01.500"),
                        A,
                        corr(1),
                        "http://127.0.0.1:40001",
                        a,
                        1,
                        true,
                        180,
                        70,
                        1250,
                        1500,
                        "worker-1",
                        req(1)),
                new RuntimeReady(
                        id("e0", 4),
                        at("10:05:00"),
                        A,
                        corr(2),
                        "http://127.0.0.1:40001",
                        a,
                        1,
                        false,
                        0,
                        0,
                        0,
                        4,
                        "worker-1",
                        req(2)),
                new RuntimeReady(
                        id("e0", 5),
                        at("10:06:00"),
                        A,
                        corr(3),
                        "http://127.0.0.1:40001",
                        a,
                        1,
                        false,
                        0,
                        0,
                        0,
                        6,
                        "worker-1",
                        req(3)),
                new RuntimeStopped(
                        id("e0", 6),
                        at("10:20:00"),
                        A,
                        SETTINGS_CHANGE,
                        "worker-1",
                        a,
                        StopReason.SETTINGS_RECREATE,
                        true,
                        false),
                new RuntimeSpawned(
                        id("e0", 7),
                        at("10:20:00.150"),
                        A,
                        null,
                        SETTINGS_CHANGE,
                        "worker-1",
                        a,
                        "c0ffee02",
                        2,
                        "sha256:bbbb",
                        150),
                new RuntimeStarted(
                        id("e0", 8),
                        at("10:20:00.210"),
                        A,
                        null,
                        SETTINGS_CHANGE,
                        "worker-1",
                        a,
                        "c0ffee02",
                        false,
                        60),
                new RuntimeRecreated(id("e0", 9), at("10:20:01.400"), A, SETTINGS_CHANGE, "worker-1", a, 1, 2, 1400),
                new RuntimeStopped(id("e0", 10), at("10:50:00"), A, null, "worker-1", a, StopReason.IDLE, false, false),
                new RuntimeStarted(
                        id("e0", 11), at("11:00:00"), A, corr(4), req(4), "worker-2", a, "c0ffee02", true, 65),
                new RuntimeStopped(
                        id("e0", 12),
                        at("11:02:00.065"),
                        A,
                        req(4),
                        "worker-2",
                        a,
                        StopReason.HEALTH_TIMEOUT,
                        false,
                        false),
                new RuntimeFailed(
                        id("e0", 13),
                        at("11:02:00.100"),
                        A,
                        corr(4),
                        FailureReason.HEALTH_TIMEOUT,
                        "no 200 from GET /health within 120 s",
                        "worker-2",
                        req(4)));
    }

    static List<Event> userB() {
        String b = B.containerName();
        return List.of(
                new RuntimeSpawned(
                        id("e1", 1),
                        at("10:10:00"),
                        B,
                        corr(5),
                        req(5),
                        "worker-2",
                        b,
                        "c0ffee03",
                        1,
                        "sha256:aaaa",
                        220),
                new RuntimeStarted(
                        id("e1", 2), at("10:10:00.300"), B, corr(5), req(5), "worker-2", b, "c0ffee03", false, 90),
                new RuntimeReady(
                        id("e1", 3),
                        at("10:10:02"),
                        B,
                        corr(5),
                        "http://127.0.0.1:40002",
                        b,
                        1,
                        true,
                        220,
                        90,
                        1600,
                        2000,
                        "worker-2",
                        req(5)),
                new RuntimeFailed(
                        id("e1", 4),
                        at("10:30:00"),
                        B,
                        corr(6),
                        FailureReason.SPAWN_ERROR,
                        "docker create failed: no space left on device",
                        "worker-2",
                        req(6)));
    }

    static RuntimeStopped orphan() {
        return new RuntimeStopped(
                id("e2", 1),
                at("09:00:00"),
                null,
                null,
                "worker-1",
                "hermes-user-usr_123",
                StopReason.ORPHAN,
                true,
                false);
    }

    static UUID corr(int n) {
        return id("c0", n);
    }

    static UUID req(int n) {
        return id("4e", n);
    }

    private static UUID id(String prefix, int n) {
        return UUID.fromString(
                String.format("%-8s-0000-4000-8000-%012d", prefix, n).replace(' ', '0'));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-20T" + time + "Z");
    }
}
