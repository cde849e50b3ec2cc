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

/** One of each lifecycle event, with every optional field set and with none. */
final class LifecycleSamples {
    static final UserId USER = UserId.of("3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192");
    static final UUID ID = UUID.fromString("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    static final UUID CORRELATION = UUID.fromString("5b0a7c8e-2f1d-4c3b-9a8e-7d6c5b4a3f2e");
    static final UUID CAUSE = UUID.fromString("9c8b7a6f-5e4d-4c3b-8a29-1f0e9d8c7b6a");
    static final Instant AT = Instant.parse("2026-11-27T10:57:29.583Z");
    static final String CONTAINER = USER.containerName();

    private LifecycleSamples() {
    }

    static List<Event> all() {
        return List.of(
                new RuntimeReady(ID, AT, USER, CORRELATION, "http://127.0.0.1:49153", CONTAINER, 42, true, 180, 75,
                        1200, 1460, "worker-1", CAUSE),
                new RuntimeReady(ID, AT, USER, null, "http://127.0.0.1:49153", CONTAINER, 0, false, 0, 0, 0, 3,
                        null, null),
                new RuntimeFailed(ID, AT, USER, CORRELATION, FailureReason.HEALTH_TIMEOUT, "no 200", "worker-1",
                        CAUSE),
                new RuntimeFailed(ID, AT, USER, null, FailureReason.SPAWN_ERROR, "docker said no", null, null),
                new RuntimeSpawned(ID, AT, USER, CORRELATION, CAUSE, "worker-1", CONTAINER, "4f9c1a7e", 42,
                        "sha256:9f86d081884c7d65", 180),
                new RuntimeSpawned(ID, AT, USER, null, null, "worker-1", CONTAINER, "4f9c1a7e", 42, "sha256:9f", 0),
                new RuntimeStarted(ID, AT, USER, CORRELATION, CAUSE, "worker-1", CONTAINER, "4f9c1a7e", false, 75),
                new RuntimeStarted(ID, AT, USER, null, null, "worker-1", CONTAINER, "4f9c1a7e", true, 0),
                new RuntimeStopped(ID, AT, USER, CAUSE, "worker-1", CONTAINER, StopReason.IDLE, false, false),
                new RuntimeStopped(ID, AT, USER, null, "worker-1", CONTAINER, StopReason.FORGET, true, true),
                new RuntimeStopped(ID, AT, null, null, "worker-2", "hermes-user-usr_123", StopReason.ORPHAN, true,
                        false),
                new RuntimeRecreated(ID, AT, USER, CAUSE, "worker-1", CONTAINER, 41, 42, 2310),
                new RuntimeRecreated(ID, AT, USER, null, "worker-1", CONTAINER, 0, 1, 0));
    }
}
