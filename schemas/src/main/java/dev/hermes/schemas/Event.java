package dev.hermes.schemas;

import java.time.Instant;
import java.util.UUID;

/**
 * Every value on every hermes topic. The wire form is one JSON object with {@code type},
 * {@code schemaVersion}, {@code eventId}, {@code occurredAt} and, where it applies, {@code userId};
 * the JSON Schemas under {@code schemas/json} are the contract for non-Java callers.
 */
public sealed interface Event
        permits RuntimeRequested,
                Heartbeat,
                SettingsChanged,
                RuntimeReady,
                RuntimeFailed,
                LastActive,
                RuntimeSpawned,
                RuntimeStarted,
                RuntimeStopped,
                RuntimeRecreated,
                AccountUpdated,
                RuntimePaused,
                RuntimeResumed,
                RuntimeMoved {

    int SCHEMA_VERSION = 1;

    UUID eventId();

    Instant occurredAt();

    /** The family this event is about, or null for fleet-wide events such as SettingsChanged. */
    UserId userId();

    default String type() {
        return getClass().getSimpleName();
    }
}
