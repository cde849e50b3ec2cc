package dev.hermes.schemas;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test fixtures: for every event type one sample with all optional fields set and one with them
 * absent (or, for types without optional fields, one with edge values), a few with some optional
 * fields set, plus the ORPHAN variants of RuntimeStopped.
 */
final class SampleEvents {
    record Sample(String name, Event event) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final UserId USER = UserId.of("3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192");
    static final UUID EVENT_ID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID CORRELATION_ID = UUID.fromString("c0ffee00-1234-4abc-9def-0123456789ab");
    static final UUID CAUSATION_ID = UUID.fromString("deadbeef-0000-4000-8000-000000000001");
    static final Instant NANOS = Instant.parse("2026-11-27T10:57:28.123456789Z");
    static final Instant MILLIS = Instant.parse("2026-11-27T10:57:28.123Z");
    static final Instant SECONDS = Instant.parse("2026-11-27T10:57:28Z");
    static final Instant DEADLINE = Instant.parse("2026-11-27T10:59:28.123Z");
    static final String CONTAINER = USER.containerName();
    static final String CONTAINER_ID = "4f9c1a7e2b3d5c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6";

    private SampleEvents() {}

    static RuntimeRequested runtimeRequested() {
        return new RuntimeRequested(
                EVENT_ID, NANOS, USER, CORRELATION_ID, "hermes.runtime.replies", 7, DEADLINE, "chat");
    }

    static RuntimeReady runtimeReadyAllFields() {
        return new RuntimeReady(
                EVENT_ID,
                MILLIS,
                USER,
                CORRELATION_ID,
                "http://127.0.0.1:49153",
                CONTAINER,
                42,
                true,
                180,
                75,
                1200,
                1460,
                "worker-1",
                CAUSATION_ID);
    }

    static RuntimeStopped runtimeStoppedIdle() {
        return new RuntimeStopped(
                EVENT_ID, NANOS, USER, CAUSATION_ID, "worker-1", CONTAINER, StopReason.IDLE, false, false, 137L);
    }

    static List<Sample> all() {
        return List.of(
                new Sample("RuntimeRequested (all fields)", runtimeRequested()),
                new Sample(
                        "RuntimeRequested (edge values)",
                        new RuntimeRequested(
                                EVENT_ID, SECONDS, USER, CORRELATION_ID, "t", Integer.MAX_VALUE, SECONDS, "whatsapp")),
                new Sample(
                        "Heartbeat (all fields)", new Heartbeat(EVENT_ID, NANOS, USER, "device-7f3a", "home-device")),
                new Sample("Heartbeat (edge values)", new Heartbeat(EVENT_ID, SECONDS, USER, "gerät-ü €", "x")),
                new Sample(
                        "SettingsChanged (all fields)", new SettingsChanged(EVENT_ID, MILLIS, 42, "admin@example.org")),
                new Sample("SettingsChanged (edge values)", new SettingsChanged(EVENT_ID, SECONDS, 0, "ops-cli")),
                new Sample("RuntimeReady (all fields)", runtimeReadyAllFields()),
                new Sample(
                        "RuntimeReady (optional fields absent)",
                        new RuntimeReady(
                                EVENT_ID,
                                SECONDS,
                                USER,
                                null,
                                "http://127.0.0.1:49153",
                                CONTAINER,
                                0,
                                false,
                                0,
                                0,
                                0,
                                0,
                                null,
                                null)),
                new Sample(
                        "RuntimeReady (some optional fields)",
                        new RuntimeReady(
                                EVENT_ID,
                                NANOS,
                                USER,
                                null,
                                "http://127.0.0.1:49153",
                                CONTAINER,
                                7,
                                false,
                                0,
                                0,
                                0,
                                3,
                                "worker-1",
                                CAUSATION_ID)),
                new Sample(
                        "RuntimeFailed (HEALTH_TIMEOUT, no retry-after hint)",
                        new RuntimeFailed(
                                EVENT_ID,
                                NANOS,
                                USER,
                                CORRELATION_ID,
                                FailureReason.HEALTH_TIMEOUT,
                                "no 200 from /health within 120 s",
                                "worker-2",
                                CAUSATION_ID)),
                new Sample(
                        "RuntimeFailed (all fields)",
                        new RuntimeFailed(
                                EVENT_ID,
                                NANOS,
                                USER,
                                CORRELATION_ID,
                                FailureReason.CAPACITY,
                                "the Docker engine runs 3 of at most 3 runtimes and none is idle long enough",
                                "worker-2",
                                CAUSATION_ID,
                                42_000L)),
                new Sample(
                        "RuntimeFailed (optional fields absent)",
                        new RuntimeFailed(
                                EVENT_ID,
                                SECONDS,
                                USER,
                                null,
                                FailureReason.INVALID_REQUEST,
                                "userId: must be a canonical lowercase UUID",
                                null,
                                null)),
                new Sample(
                        "RuntimeFailed (some optional fields)",
                        new RuntimeFailed(
                                EVENT_ID,
                                MILLIS,
                                USER,
                                CORRELATION_ID,
                                FailureReason.SPAWN_ERROR,
                                "docker said no",
                                null,
                                null)),
                new Sample("LastActive (all fields)", new LastActive(EVENT_ID, NANOS, USER, MILLIS, "chat", "b")),
                new Sample("LastActive (no host)", new LastActive(EVENT_ID, NANOS, USER, MILLIS, "chat")),
                new Sample(
                        "LastActive (edge values)",
                        new LastActive(EVENT_ID, SECONDS, USER, Instant.parse("1970-01-01T00:00:00Z"), "home-device")),
                new Sample(
                        "RuntimeSpawned (all fields)",
                        new RuntimeSpawned(
                                EVENT_ID,
                                NANOS,
                                USER,
                                CORRELATION_ID,
                                CAUSATION_ID,
                                "worker-1",
                                CONTAINER,
                                CONTAINER_ID,
                                42,
                                "sha256:9f86d081884c7d65",
                                180)),
                new Sample(
                        "RuntimeSpawned (optional fields absent)",
                        new RuntimeSpawned(
                                EVENT_ID, SECONDS, USER, null, null, "worker-1", CONTAINER, CONTAINER_ID, 0, "h", 0)),
                new Sample(
                        "RuntimeStarted (all fields)",
                        new RuntimeStarted(
                                EVENT_ID,
                                NANOS,
                                USER,
                                CORRELATION_ID,
                                CAUSATION_ID,
                                "worker-1",
                                CONTAINER,
                                CONTAINER_ID,
                                true,
                                75)),
                new Sample(
                        "RuntimeStarted (optional fields absent)",
                        new RuntimeStarted(
                                EVENT_ID, SECONDS, USER, null, null, "worker-1", CONTAINER, CONTAINER_ID, false, 0)),
                new Sample(
                        "RuntimePaused (all fields)",
                        new RuntimePaused(
                                EVENT_ID, NANOS, USER, CAUSATION_ID, "worker-1", CONTAINER, CONTAINER_ID, 1_800_000)),
                new Sample(
                        "RuntimePaused (optional fields absent)",
                        new RuntimePaused(EVENT_ID, SECONDS, USER, null, "worker-1", CONTAINER, CONTAINER_ID, 0)),
                new Sample(
                        "RuntimeResumed (all fields)",
                        new RuntimeResumed(
                                EVENT_ID,
                                NANOS,
                                USER,
                                CORRELATION_ID,
                                CAUSATION_ID,
                                "worker-1",
                                CONTAINER,
                                CONTAINER_ID,
                                24,
                                3_600_000)),
                new Sample(
                        "RuntimeResumed (optional fields absent)",
                        new RuntimeResumed(
                                EVENT_ID, SECONDS, USER, null, null, "worker-1", CONTAINER, CONTAINER_ID, 0, 0)),
                new Sample(
                        "RuntimeMoved (all fields)",
                        new RuntimeMoved(
                                EVENT_ID,
                                NANOS,
                                USER,
                                "worker-1",
                                CONTAINER,
                                "b",
                                "a",
                                734_003_200,
                                5_312,
                                "ops@host")),
                new Sample(
                        "RuntimeMoved (optional fields absent)",
                        new RuntimeMoved(EVENT_ID, SECONDS, USER, "worker-1", CONTAINER, "b", "a", 0, 0, null)),
                new Sample("RuntimeStopped (all fields)", runtimeStoppedIdle()),
                new Sample(
                        "RuntimeStopped (optional fields absent)",
                        new RuntimeStopped(
                                EVENT_ID, SECONDS, USER, null, "worker-1", CONTAINER, StopReason.FORGET, true, true)),
                new Sample(
                        "RuntimeStopped (ORPHAN without userId)",
                        new RuntimeStopped(
                                EVENT_ID,
                                SECONDS,
                                null,
                                null,
                                "worker-1",
                                "hermes-user-usr_123",
                                StopReason.ORPHAN,
                                true,
                                false)),
                new Sample(
                        "RuntimeStopped (ORPHAN with userId)",
                        new RuntimeStopped(
                                EVENT_ID,
                                MILLIS,
                                USER,
                                CAUSATION_ID,
                                "worker-1",
                                CONTAINER,
                                StopReason.ORPHAN,
                                true,
                                false)),
                new Sample(
                        "AccountUpdated (all fields)",
                        new AccountUpdated(
                                EVENT_ID,
                                MILLIS,
                                USER,
                                "The Müller family",
                                "Ada, Bob, Clara (7)",
                                "Europe/Berlin",
                                "de-DE",
                                "Clara is allergic to nuts.\nBob works nights.",
                                "ops-cli")),
                new Sample(
                        "AccountUpdated (optional fields absent)",
                        new AccountUpdated(EVENT_ID, SECONDS, USER, "x", null, null, null, null, "chat-service")),
                new Sample(
                        "RuntimeRecreated (all fields)",
                        new RuntimeRecreated(EVENT_ID, NANOS, USER, CAUSATION_ID, "worker-1", CONTAINER, 41, 42, 2310)),
                new Sample(
                        "RuntimeRecreated (optional fields absent, edge values)",
                        new RuntimeRecreated(
                                EVENT_ID,
                                SECONDS,
                                USER,
                                null,
                                "worker-1",
                                CONTAINER,
                                0,
                                Long.MAX_VALUE,
                                Long.MAX_VALUE)));
    }
}
