package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A deterministic, realistic stream of lifecycle events for benchmarks: per request 70% warm answers,
 * 15% cold spawns (spawned, started, ready), 5% failures (health timeouts with their stop, or spawn
 * errors), 8% idle reaps and 2% settings recreates, over a pool of users, one event per time step.
 */
public final class SyntheticHistory {
    /** One event as it goes on the wire. */
    public record Encoded(byte[] key, byte[] value, long timestampMs) {}

    private final EventCodec codec = new EventCodec();
    private final SplittableRandom random;
    private final UserId[] users;
    private final Duration step;
    private final Deque<Event> pending = new ArrayDeque<>();
    private Instant now;

    public SyntheticHistory(long seed, int userCount, Instant start, Duration step) {
        this.random = new SplittableRandom(seed);
        this.users = new UserId[userCount];
        for (int i = 0; i < userCount; i++) {
            users[i] = new UserId(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        this.now = start;
        this.step = step.isZero() ? Duration.ofNanos(1000) : step;
    }

    public Encoded next() {
        if (pending.isEmpty()) {
            request(users[random.nextInt(users.length)]);
        }
        Event event = pending.poll();
        byte[] key = event.userId() == null ? null : event.userId().value().getBytes(StandardCharsets.UTF_8);
        return new Encoded(key, codec.encode(event), event.occurredAt().toEpochMilli());
    }

    private void request(UserId user) {
        double r = random.nextDouble();
        UUID cause = UUID.randomUUID();
        UUID correlation = UUID.randomUUID();
        String worker = "worker-" + random.nextInt(4);
        String container = user.containerName();
        if (r < 0.70) {
            pending.add(ready(user, correlation, cause, worker, false, 0, 0, 0, ms(1, 20)));
        } else if (r < 0.85 || r >= 0.98) {
            boolean recreate = r >= 0.98;
            long create = ms(120, 400);
            long start = ms(40, 200);
            long health = ms(300, 3000);
            if (recreate) {
                pending.add(new RuntimeStopped(
                        UUID.randomUUID(),
                        tick(),
                        user,
                        cause,
                        worker,
                        container,
                        StopReason.SETTINGS_RECREATE,
                        true,
                        false));
            }
            pending.add(new RuntimeSpawned(
                    UUID.randomUUID(),
                    tick(),
                    user,
                    correlation,
                    cause,
                    worker,
                    container,
                    "c".repeat(64),
                    recreate ? 8 : 7,
                    "sha256:9f86d081884c7d65",
                    create));
            pending.add(new RuntimeStarted(
                    UUID.randomUUID(),
                    tick(),
                    user,
                    correlation,
                    cause,
                    worker,
                    container,
                    "c".repeat(64),
                    false,
                    start));
            if (recreate) {
                pending.add(new RuntimeRecreated(
                        UUID.randomUUID(), tick(), user, cause, worker, container, 7, 8, create + start + health));
            } else {
                pending.add(ready(
                        user,
                        correlation,
                        cause,
                        worker,
                        true,
                        create,
                        start,
                        health,
                        create + start + health + ms(1, 5)));
            }
        } else if (r < 0.90) {
            boolean timeout = random.nextBoolean();
            if (timeout) {
                pending.add(new RuntimeStopped(
                        UUID.randomUUID(),
                        tick(),
                        user,
                        cause,
                        worker,
                        container,
                        StopReason.HEALTH_TIMEOUT,
                        false,
                        false));
            }
            pending.add(new RuntimeFailed(
                    UUID.randomUUID(),
                    tick(),
                    user,
                    correlation,
                    timeout ? FailureReason.HEALTH_TIMEOUT : FailureReason.SPAWN_ERROR,
                    timeout ? "no 200 from GET /health within 120 s" : "docker create failed",
                    worker,
                    cause));
        } else {
            pending.add(new RuntimeStopped(
                    UUID.randomUUID(), tick(), user, null, worker, container, StopReason.IDLE, false, false));
        }
    }

    private RuntimeReady ready(
            UserId user,
            UUID correlation,
            UUID cause,
            String worker,
            boolean cold,
            long create,
            long start,
            long health,
            long total) {
        return new RuntimeReady(
                UUID.randomUUID(),
                tick(),
                user,
                correlation,
                "http://127.0.0.1:" + ms(30000, 60000),
                user.containerName(),
                7,
                cold,
                create,
                start,
                health,
                total,
                worker,
                cause);
    }

    private Instant tick() {
        now = now.plus(step);
        return now;
    }

    private long ms(int from, int to) {
        return random.nextInt(from, to);
    }
}
