package dev.hermes.schemas.internal;

import static dev.hermes.schemas.internal.Field.Kind.COUNT;
import static dev.hermes.schemas.internal.Field.Kind.FLAG;
import static dev.hermes.schemas.internal.Field.Kind.SMALL_COUNT;
import static dev.hermes.schemas.internal.Field.Kind.TEXT;
import static dev.hermes.schemas.internal.Field.Kind.TIMESTAMP;
import static dev.hermes.schemas.internal.Field.Kind.USER_ID;
import static dev.hermes.schemas.internal.Field.Kind.UUID;
import static dev.hermes.schemas.internal.Field.code;
import static dev.hermes.schemas.internal.Field.optional;
import static dev.hermes.schemas.internal.Field.required;
import static dev.hermes.schemas.internal.Field.requiredUnless;

import dev.hermes.schemas.AccountUpdated;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.FailureReason;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.LastActive;
import dev.hermes.schemas.RuntimeFailed;
import dev.hermes.schemas.RuntimeMoved;
import dev.hermes.schemas.RuntimePaused;
import dev.hermes.schemas.RuntimeReady;
import dev.hermes.schemas.RuntimeRecreated;
import dev.hermes.schemas.RuntimeRequested;
import dev.hermes.schemas.RuntimeResumed;
import dev.hermes.schemas.RuntimeSpawned;
import dev.hermes.schemas.RuntimeStarted;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.SettingsChanged;
import dev.hermes.schemas.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The table of every event type's fields after the envelope's {@code type} and {@code schemaVersion}: the
 * one place the codec learns a field. Keep it in step with the records and schemas/json (the tests check
 * both). A row is required, optional, or required unless another field has a given value.
 */
public final class EventTypes {
    /** The slots of {@code type} and {@code schemaVersion}, which every type has. */
    static final int TYPE_SLOT = 0;

    static final int VERSION_SLOT = 1;

    private final Map<String, Integer> slotOfName = new LinkedHashMap<>();
    private final Map<String, EventType<?>> byName = new LinkedHashMap<>();
    private final Map<Class<?>, EventType<?>> byClass = new LinkedHashMap<>();

    public EventTypes() {
        slotOfName.put("type", TYPE_SLOT);
        slotOfName.put("schemaVersion", VERSION_SLOT);
        addWithEnvelope(
                RuntimeRequested.class,
                List.of(
                        required("correlationId", UUID, RuntimeRequested::correlationId),
                        required("replyTopic", TEXT, RuntimeRequested::replyTopic),
                        required("replyPartition", SMALL_COUNT, RuntimeRequested::replyPartition),
                        required("deadline", TIMESTAMP, RuntimeRequested::deadline),
                        required("source", TEXT, RuntimeRequested::source)));
        addWithEnvelope(
                Heartbeat.class,
                List.of(required("deviceId", TEXT, Heartbeat::deviceId), required("source", TEXT, Heartbeat::source)));
        add(
                SettingsChanged.class,
                List.of(
                        required("eventId", UUID, SettingsChanged::eventId),
                        required("occurredAt", TIMESTAMP, SettingsChanged::occurredAt),
                        required("settingsVersion", COUNT, SettingsChanged::settingsVersion),
                        required("changedBy", TEXT, SettingsChanged::changedBy)));
        addWithEnvelope(
                RuntimeReady.class,
                List.of(
                        optional("correlationId", UUID, RuntimeReady::correlationId),
                        required("url", TEXT, RuntimeReady::url),
                        required("containerName", TEXT, RuntimeReady::containerName),
                        required("settingsVersion", COUNT, RuntimeReady::settingsVersion),
                        required("coldStart", FLAG, RuntimeReady::coldStart),
                        required("createMs", COUNT, RuntimeReady::createMs),
                        required("startMs", COUNT, RuntimeReady::startMs),
                        required("healthMs", COUNT, RuntimeReady::healthMs),
                        required("totalMs", COUNT, RuntimeReady::totalMs),
                        optional("workerId", TEXT, RuntimeReady::workerId),
                        optional("causationId", UUID, RuntimeReady::causationId)));
        addWithEnvelope(
                RuntimeFailed.class,
                List.of(
                        optional("correlationId", UUID, RuntimeFailed::correlationId),
                        code("reason", FailureReason.class, RuntimeFailed::reason),
                        required("message", TEXT, RuntimeFailed::message),
                        optional("workerId", TEXT, RuntimeFailed::workerId),
                        optional("causationId", UUID, RuntimeFailed::causationId),
                        optional("retryAfterMs", COUNT, RuntimeFailed::retryAfterMs)));
        addWithEnvelope(
                LastActive.class,
                List.of(
                        required("lastActiveAt", TIMESTAMP, LastActive::lastActiveAt),
                        required("source", TEXT, LastActive::source),
                        optional("host", TEXT, LastActive::host)));
        addWithEnvelope(
                RuntimeSpawned.class,
                List.of(
                        optional("correlationId", UUID, RuntimeSpawned::correlationId),
                        optional("causationId", UUID, RuntimeSpawned::causationId),
                        required("workerId", TEXT, RuntimeSpawned::workerId),
                        required("containerName", TEXT, RuntimeSpawned::containerName),
                        required("containerId", TEXT, RuntimeSpawned::containerId),
                        required("settingsVersion", COUNT, RuntimeSpawned::settingsVersion),
                        required("configHash", TEXT, RuntimeSpawned::configHash),
                        required("createMs", COUNT, RuntimeSpawned::createMs)));
        addWithEnvelope(
                RuntimeStarted.class,
                List.of(
                        optional("correlationId", UUID, RuntimeStarted::correlationId),
                        optional("causationId", UUID, RuntimeStarted::causationId),
                        required("workerId", TEXT, RuntimeStarted::workerId),
                        required("containerName", TEXT, RuntimeStarted::containerName),
                        required("containerId", TEXT, RuntimeStarted::containerId),
                        required("adopted", FLAG, RuntimeStarted::adopted),
                        required("startMs", COUNT, RuntimeStarted::startMs)));
        add(
                RuntimeStopped.class,
                List.of(
                        required("eventId", UUID, RuntimeStopped::eventId),
                        required("occurredAt", TIMESTAMP, RuntimeStopped::occurredAt),
                        // the container of an ORPHAN stop never had a valid user id
                        requiredUnless("reason", StopReason.ORPHAN, "userId", USER_ID, RuntimeStopped::userId),
                        optional("causationId", UUID, RuntimeStopped::causationId),
                        required("workerId", TEXT, RuntimeStopped::workerId),
                        required("containerName", TEXT, RuntimeStopped::containerName),
                        code("reason", StopReason.class, RuntimeStopped::reason),
                        required("removed", FLAG, RuntimeStopped::removed),
                        required("dataDeleted", FLAG, RuntimeStopped::dataDeleted),
                        optional("exitCode", COUNT, RuntimeStopped::exitCode)));
        addWithEnvelope(
                RuntimeRecreated.class,
                List.of(
                        optional("causationId", UUID, RuntimeRecreated::causationId),
                        required("workerId", TEXT, RuntimeRecreated::workerId),
                        required("containerName", TEXT, RuntimeRecreated::containerName),
                        required("fromSettingsVersion", COUNT, RuntimeRecreated::fromSettingsVersion),
                        required("settingsVersion", COUNT, RuntimeRecreated::settingsVersion),
                        required("durationMs", COUNT, RuntimeRecreated::durationMs)));
        addWithEnvelope(
                AccountUpdated.class,
                List.of(
                        required("displayName", TEXT, AccountUpdated::displayName),
                        optional("members", TEXT, AccountUpdated::members),
                        optional("timezone", TEXT, AccountUpdated::timezone),
                        optional("locale", TEXT, AccountUpdated::locale),
                        optional("notes", TEXT, AccountUpdated::notes),
                        required("changedBy", TEXT, AccountUpdated::changedBy)));
        addWithEnvelope(
                RuntimePaused.class,
                List.of(
                        optional("causationId", UUID, RuntimePaused::causationId),
                        required("workerId", TEXT, RuntimePaused::workerId),
                        required("containerName", TEXT, RuntimePaused::containerName),
                        required("containerId", TEXT, RuntimePaused::containerId),
                        required("idleMs", COUNT, RuntimePaused::idleMs)));
        addWithEnvelope(
                RuntimeResumed.class,
                List.of(
                        optional("correlationId", UUID, RuntimeResumed::correlationId),
                        optional("causationId", UUID, RuntimeResumed::causationId),
                        required("workerId", TEXT, RuntimeResumed::workerId),
                        required("containerName", TEXT, RuntimeResumed::containerName),
                        required("containerId", TEXT, RuntimeResumed::containerId),
                        required("resumeMs", COUNT, RuntimeResumed::resumeMs),
                        required("pausedMs", COUNT, RuntimeResumed::pausedMs)));
        addWithEnvelope(
                RuntimeMoved.class,
                List.of(
                        required("workerId", TEXT, RuntimeMoved::workerId),
                        required("containerName", TEXT, RuntimeMoved::containerName),
                        required("fromHost", TEXT, RuntimeMoved::fromHost),
                        required("toHost", TEXT, RuntimeMoved::toHost),
                        required("bytesCopied", COUNT, RuntimeMoved::bytesCopied),
                        required("durationMs", COUNT, RuntimeMoved::durationMs),
                        optional("requestedBy", TEXT, RuntimeMoved::requestedBy)));
    }

    /** A type whose fields start with the usual envelope: eventId, occurredAt and a required userId. */
    private <E extends Event> void addWithEnvelope(Class<E> type, List<Field<E>> fields) {
        List<Field<E>> all = new ArrayList<>(List.of(
                required("eventId", UUID, Event::eventId),
                required("occurredAt", TIMESTAMP, Event::occurredAt),
                required("userId", USER_ID, Event::userId)));
        all.addAll(fields);
        add(type, all);
    }

    /** A type that lists all of its fields itself. */
    private <E extends Event> void add(Class<E> type, List<Field<E>> fields) {
        fields.forEach(f -> slotOfName.putIfAbsent(f.name(), slotOfName.size()));
        EventType<E> eventType = new EventType<>(type, fields, slotOfName);
        byName.put(eventType.name(), eventType);
        byClass.put(type, eventType);
    }

    /** The slot the reader keeps the value of the top-level field {@code name} in, or null if no type reads it. */
    Integer slotOf(String name) {
        return slotOfName.get(name);
    }

    int slotCount() {
        return slotOfName.size();
    }

    /** The type named {@code chars[from, from + length)} on the wire (the record's simple name), or null. */
    EventType<?> named(char[] chars, int from, int length) {
        for (EventType<?> type : byName.values()) {
            if (type.isNamed(chars, from, length)) {
                return type;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    <E extends Event> EventType<E> of(E event) {
        return (EventType<E>) byClass.get(event.getClass());
    }

    public List<EventType<?>> all() {
        return List.copyOf(byName.values());
    }
}
