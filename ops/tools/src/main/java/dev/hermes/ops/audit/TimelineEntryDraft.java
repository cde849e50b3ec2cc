package dev.hermes.ops.audit;

import dev.hermes.schemas.Event;
import java.util.Map;
import java.util.UUID;

/** A {@link TimelineEntry} being filled in by {@link TimelineBuilder}; unset fields stay null. */
final class TimelineEntryDraft {
    private final Event event;
    private String reason;
    private Boolean coldStart;
    private Boolean adopted;
    private Long settingsVersion;
    private boolean settingsVersionInferred;
    private Long fromSettingsVersion;
    private Long createMs;
    private Long startMs;
    private Long healthMs;
    private Long totalMs;
    private Long durationMs;
    private UUID correlationId;
    private UUID causationId;
    private String workerId;
    private String containerName;
    private String message;

    TimelineEntryDraft(Event event) {
        this.event = event;
    }

    TimelineEntryDraft reason(String reason) {
        this.reason = reason;
        return this;
    }

    TimelineEntryDraft coldStart(boolean coldStart) {
        this.coldStart = coldStart;
        return this;
    }

    TimelineEntryDraft adopted(boolean adopted) {
        this.adopted = adopted;
        return this;
    }

    /** {@code inferred}: the event itself does not carry a version; ignored when version is null. */
    TimelineEntryDraft version(Long version, boolean inferred) {
        this.settingsVersion = version;
        this.settingsVersionInferred = inferred && version != null;
        return this;
    }

    TimelineEntryDraft fromVersion(long fromVersion) {
        this.fromSettingsVersion = fromVersion;
        return this;
    }

    TimelineEntryDraft createMs(long ms) {
        this.createMs = ms;
        return this;
    }

    TimelineEntryDraft startMs(long ms) {
        this.startMs = ms;
        return this;
    }

    TimelineEntryDraft phases(long create, long start, long health, long total) {
        this.createMs = create;
        this.startMs = start;
        this.healthMs = health;
        this.totalMs = total;
        return this;
    }

    TimelineEntryDraft durationMs(long ms) {
        this.durationMs = ms;
        return this;
    }

    TimelineEntryDraft message(String message) {
        this.message = message;
        return this;
    }

    TimelineEntryDraft ids(UUID correlationId, UUID causationId, String workerId, String containerName) {
        this.correlationId = correlationId;
        this.causationId = causationId;
        this.workerId = workerId;
        this.containerName = containerName;
        return this;
    }

    /** Fills a missing correlationId from another event with the same causationId. */
    TimelineEntry build(Map<UUID, UUID> correlationByCause) {
        UUID correlation = correlationId;
        if (correlation == null && causationId != null) {
            correlation = correlationByCause.get(causationId);
        }
        return new TimelineEntry(
                event.occurredAt(),
                event.type(),
                event.eventId(),
                reason,
                coldStart,
                adopted,
                settingsVersion,
                settingsVersionInferred,
                fromSettingsVersion,
                createMs,
                startMs,
                healthMs,
                totalMs,
                durationMs,
                correlation,
                correlationId == null && correlation != null,
                causationId,
                workerId,
                containerName,
                message);
    }
}
