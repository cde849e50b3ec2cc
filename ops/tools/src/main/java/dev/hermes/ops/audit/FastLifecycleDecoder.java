package dev.hermes.ops.audit;

import static dev.hermes.ops.audit.LifecycleFields.Field.ADOPTED;
import static dev.hermes.ops.audit.LifecycleFields.Field.CAUSATION_ID;
import static dev.hermes.ops.audit.LifecycleFields.Field.COLD_START;
import static dev.hermes.ops.audit.LifecycleFields.Field.CONFIG_HASH;
import static dev.hermes.ops.audit.LifecycleFields.Field.CONTAINER_ID;
import static dev.hermes.ops.audit.LifecycleFields.Field.CONTAINER_NAME;
import static dev.hermes.ops.audit.LifecycleFields.Field.CORRELATION_ID;
import static dev.hermes.ops.audit.LifecycleFields.Field.CREATE_MS;
import static dev.hermes.ops.audit.LifecycleFields.Field.DATA_DELETED;
import static dev.hermes.ops.audit.LifecycleFields.Field.DURATION_MS;
import static dev.hermes.ops.audit.LifecycleFields.Field.EVENT_ID;
import static dev.hermes.ops.audit.LifecycleFields.Field.FROM_SETTINGS_VERSION;
import static dev.hermes.ops.audit.LifecycleFields.Field.HEALTH_MS;
import static dev.hermes.ops.audit.LifecycleFields.Field.MESSAGE;
import static dev.hermes.ops.audit.LifecycleFields.Field.OCCURRED_AT;
import static dev.hermes.ops.audit.LifecycleFields.Field.REASON;
import static dev.hermes.ops.audit.LifecycleFields.Field.REMOVED;
import static dev.hermes.ops.audit.LifecycleFields.Field.SCHEMA_VERSION;
import static dev.hermes.ops.audit.LifecycleFields.Field.SETTINGS_VERSION;
import static dev.hermes.ops.audit.LifecycleFields.Field.START_MS;
import static dev.hermes.ops.audit.LifecycleFields.Field.TOTAL_MS;
import static dev.hermes.ops.audit.LifecycleFields.Field.TYPE;
import static dev.hermes.ops.audit.LifecycleFields.Field.URL;
import static dev.hermes.ops.audit.LifecycleFields.Field.USER_ID;
import static dev.hermes.ops.audit.LifecycleFields.Field.WORKER_ID;

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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Decodes the six lifecycle event types several times faster than {@link EventCodec} (a flat byte scan
 * instead of a JSON tree, ids and timestamps read from the bytes): replaying a million events is mostly
 * decoding. It only ever answers with the event the codec would give; every record it is not sure about
 * (another type, anything malformed or unusual) goes to the codec, which has the last word and names the
 * error. AuditFastLifecycleDecoderTest checks that the two agree. Not thread-safe (it reuses its buffers and
 * caches user ids): use one per thread.
 */
public final class FastLifecycleDecoder implements EventDecoder {
    private static final int MAX_CACHED_USERS = 100_000;
    private final EventCodec codec;
    private final LifecycleFields fields = new LifecycleFields(new FieldNames(), new UtcDays());
    private final Map<UUID, UserId> users = new HashMap<>();

    public FastLifecycleDecoder(EventCodec codec) {
        this.codec = codec;
    }

    @Override
    public Event decode(byte[] value) {
        Event fast = tryFast(value);
        return fast != null ? fast : codec.decode(value);
    }

    /** The event, or null when the codec must decide. */
    Event tryFast(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            LifecycleFields f = fields.reset(value);
            FlatJsonScanner.scan(value, f);
            if (!f.has(TYPE) || !f.has(SCHEMA_VERSION) || f.count(SCHEMA_VERSION) != 1) {
                return null;
            }
            return build(f);
        } catch (RuntimeException e) {
            return null; // Unsure, or an unknown code: let the codec decide
        }
    }

    private Event build(LifecycleFields f) {
        return switch (f.text(TYPE)) {
            case "RuntimeReady" -> new RuntimeReady(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user(f),
                    f.optionalUuid(CORRELATION_ID), f.text(URL), f.text(CONTAINER_NAME), f.count(SETTINGS_VERSION),
                    f.bool(COLD_START), f.count(CREATE_MS), f.count(START_MS), f.count(HEALTH_MS), f.count(TOTAL_MS),
                    f.optionalText(WORKER_ID), f.optionalUuid(CAUSATION_ID));
            case "RuntimeFailed" -> new RuntimeFailed(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user(f),
                    f.optionalUuid(CORRELATION_ID), FailureReason.valueOf(f.text(REASON)), f.text(MESSAGE),
                    f.optionalText(WORKER_ID), f.optionalUuid(CAUSATION_ID));
            case "RuntimeSpawned" -> new RuntimeSpawned(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user(f),
                    f.optionalUuid(CORRELATION_ID), f.optionalUuid(CAUSATION_ID), f.text(WORKER_ID),
                    f.text(CONTAINER_NAME), f.text(CONTAINER_ID), f.count(SETTINGS_VERSION), f.text(CONFIG_HASH),
                    f.count(CREATE_MS));
            case "RuntimeStarted" -> new RuntimeStarted(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user(f),
                    f.optionalUuid(CORRELATION_ID), f.optionalUuid(CAUSATION_ID), f.text(WORKER_ID),
                    f.text(CONTAINER_NAME), f.text(CONTAINER_ID), f.bool(ADOPTED), f.count(START_MS));
            case "RuntimeStopped" -> stopped(f);
            case "RuntimeRecreated" -> new RuntimeRecreated(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user(f),
                    f.optionalUuid(CAUSATION_ID), f.text(WORKER_ID), f.text(CONTAINER_NAME),
                    f.count(FROM_SETTINGS_VERSION), f.count(SETTINGS_VERSION), f.count(DURATION_MS));
            default -> null;
        };
    }

    private RuntimeStopped stopped(LifecycleFields f) {
        StopReason reason = StopReason.valueOf(f.text(REASON));
        UserId user = reason == StopReason.ORPHAN && !f.has(USER_ID) ? null : user(f);
        return new RuntimeStopped(f.uuid(EVENT_ID), f.instant(OCCURRED_AT), user, f.optionalUuid(CAUSATION_ID),
                f.text(WORKER_ID), f.text(CONTAINER_NAME), reason, f.bool(REMOVED), f.bool(DATA_DELETED));
    }

    /** The user id, from a small cache: a canonical UUID string is exactly a valid UserId. */
    private UserId user(LifecycleFields f) {
        UUID id = f.uuid(USER_ID);
        UserId user = users.get(id);
        if (user == null) {
            if (users.size() >= MAX_CACHED_USERS) {
                users.clear();
            }
            user = new UserId(id.toString());
            users.put(id, user);
        }
        return user;
    }
}
