package dev.hermes.schemas.internal;

import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.InvalidEventException;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.StopReason;

/**
 * The per-type fields of each event, beyond the envelope. Keep in step with schemas/json, and keep
 * {@code scan.FastEventDecoder} reading exactly what {@link #read} reads (EventCodecFastPathTest checks).
 */
public final class EventFields {
    private EventFields() {
    }

    public static void write(Event event, FieldWriter w) {
        if (event instanceof RuntimeRequested e) {
            w.put("correlationId", e.correlationId()).put("replyTopic", e.replyTopic())
                    .put("replyPartition", e.replyPartition()).put("deadline", e.deadline()).put("source", e.source());
        } else if (event instanceof Heartbeat e) {
            w.put("deviceId", e.deviceId()).put("source", e.source());
        } else if (event instanceof SettingsChanged e) {
            w.put("settingsVersion", e.settingsVersion()).put("changedBy", e.changedBy());
        } else if (event instanceof RuntimeReady e) {
            w.put("correlationId", e.correlationId()).put("url", e.url())
                    .put("containerName", e.containerName()).put("settingsVersion", e.settingsVersion())
                    .put("coldStart", e.coldStart()).put("createMs", e.createMs()).put("startMs", e.startMs())
                    .put("healthMs", e.healthMs()).put("totalMs", e.totalMs()).put("workerId", e.workerId())
                    .put("causationId", e.causationId());
        } else if (event instanceof RuntimeFailed e) {
            w.put("correlationId", e.correlationId()).put("reason", e.reason())
                    .put("message", e.message()).put("workerId", e.workerId()).put("causationId", e.causationId());
        } else if (event instanceof LastActive e) {
            w.put("lastActiveAt", e.lastActiveAt()).put("source", e.source());
        } else if (event instanceof RuntimeSpawned e) {
            w.put("correlationId", e.correlationId()).put("causationId", e.causationId())
                    .put("workerId", e.workerId()).put("containerName", e.containerName())
                    .put("containerId", e.containerId()).put("settingsVersion", e.settingsVersion())
                    .put("configHash", e.configHash()).put("createMs", e.createMs());
        } else if (event instanceof RuntimeStarted e) {
            w.put("correlationId", e.correlationId()).put("causationId", e.causationId())
                    .put("workerId", e.workerId()).put("containerName", e.containerName())
                    .put("containerId", e.containerId()).put("adopted", e.adopted()).put("startMs", e.startMs());
        } else if (event instanceof RuntimeStopped e) {
            w.put("causationId", e.causationId()).put("workerId", e.workerId())
                    .put("containerName", e.containerName()).put("reason", e.reason()).put("removed", e.removed())
                    .put("dataDeleted", e.dataDeleted());
        } else if (event instanceof RuntimeRecreated e) {
            w.put("causationId", e.causationId()).put("workerId", e.workerId())
                    .put("containerName", e.containerName()).put("fromSettingsVersion", e.fromSettingsVersion())
                    .put("settingsVersion", e.settingsVersion()).put("durationMs", e.durationMs());
        }
    }

    public static Event read(String type, FieldReader r) {
        return switch (type) {
            case "RuntimeRequested" -> new RuntimeRequested(r.uuid("eventId"), r.instant("occurredAt"),
                    r.userId("userId"), r.uuid("correlationId"), r.text("replyTopic"),
                    r.nonNegativeInt("replyPartition"), r.instant("deadline"), r.text("source"));
            case "Heartbeat" -> new Heartbeat(r.uuid("eventId"), r.instant("occurredAt"), r.userId("userId"),
                    r.text("deviceId"), r.text("source"));
            case "SettingsChanged" -> new SettingsChanged(r.uuid("eventId"), r.instant("occurredAt"),
                    r.nonNegative("settingsVersion"), r.text("changedBy"));
            case "RuntimeReady" -> new RuntimeReady(r.uuid("eventId"), r.instant("occurredAt"), r.userId("userId"),
                    r.optUuid("correlationId"), r.text("url"), r.text("containerName"),
                    r.nonNegative("settingsVersion"), r.bool("coldStart"), r.nonNegative("createMs"),
                    r.nonNegative("startMs"), r.nonNegative("healthMs"), r.nonNegative("totalMs"),
                    r.optText("workerId"), r.optUuid("causationId"));
            case "RuntimeFailed" -> new RuntimeFailed(r.uuid("eventId"), r.instant("occurredAt"), r.userId("userId"),
                    r.optUuid("correlationId"), r.code("reason", FailureReason.class), r.text("message"),
                    r.optText("workerId"), r.optUuid("causationId"));
            case "LastActive" -> new LastActive(r.uuid("eventId"), r.instant("occurredAt"), r.userId("userId"),
                    r.instant("lastActiveAt"), r.text("source"));
            case "RuntimeSpawned" -> new RuntimeSpawned(r.uuid("eventId"), r.instant("occurredAt"),
                    r.userId("userId"), r.optUuid("correlationId"), r.optUuid("causationId"), r.text("workerId"),
                    r.text("containerName"), r.text("containerId"), r.nonNegative("settingsVersion"),
                    r.text("configHash"), r.nonNegative("createMs"));
            case "RuntimeStarted" -> new RuntimeStarted(r.uuid("eventId"), r.instant("occurredAt"),
                    r.userId("userId"), r.optUuid("correlationId"), r.optUuid("causationId"), r.text("workerId"),
                    r.text("containerName"), r.text("containerId"), r.bool("adopted"), r.nonNegative("startMs"));
            case "RuntimeStopped" -> readStopped(r);
            case "RuntimeRecreated" -> new RuntimeRecreated(r.uuid("eventId"), r.instant("occurredAt"),
                    r.userId("userId"), r.optUuid("causationId"), r.text("workerId"), r.text("containerName"),
                    r.nonNegative("fromSettingsVersion"), r.nonNegative("settingsVersion"),
                    r.nonNegative("durationMs"));
            default -> throw new InvalidEventException("type", "unknown event type '" + type + "'");
        };
    }

    private static RuntimeStopped readStopped(FieldReader r) {
        StopReason reason = r.code("reason", StopReason.class);
        var userId = reason == StopReason.ORPHAN ? r.optUserId("userId") : r.userId("userId");
        return new RuntimeStopped(r.uuid("eventId"), r.instant("occurredAt"), userId, r.optUuid("causationId"),
                r.text("workerId"), r.text("containerName"), reason, r.bool("removed"), r.bool("dataDeleted"));
    }
}
