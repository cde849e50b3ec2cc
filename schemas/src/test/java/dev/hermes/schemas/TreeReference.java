package dev.hermes.schemas;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Test oracle: the former reference reader (a JSON tree read with FieldReader, EventFields.read and
 * EventCodec.decodeTree), kept verbatim so that the streaming reader can be checked against it, errors
 * included, as EventCodecEncodingTest keeps the former tree encoding.
 */
final class TreeReference {
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    Event decode(byte[] bytes) {
        if (bytes == null) {
            throw new InvalidEventException(null, "record has no value (null)");
        }
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw new InvalidEventException(null, "value is not JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(null, "value must be a JSON object");
        }
        FieldReader fields = new FieldReader(node);
        String type = fields.text("type");
        long version = fields.integer("schemaVersion");
        if (version < 1 || version > Event.SCHEMA_VERSION) {
            throw new InvalidEventException(
                    "schemaVersion",
                    "version " + version + " is not supported by this reader (supports 1.." + Event.SCHEMA_VERSION
                            + ")");
        }
        return read(type, fields);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static Event read(String type, FieldReader r) {
        return switch (type) {
            case "RuntimeRequested" ->
                new RuntimeRequested(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.uuid("correlationId"),
                        r.text("replyTopic"),
                        r.nonNegativeInt("replyPartition"),
                        r.instant("deadline"),
                        r.text("source"));
            case "Heartbeat" ->
                new Heartbeat(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.text("deviceId"),
                        r.text("source"));
            case "SettingsChanged" ->
                new SettingsChanged(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.nonNegative("settingsVersion"),
                        r.text("changedBy"));
            case "RuntimeReady" ->
                new RuntimeReady(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("correlationId"),
                        r.text("url"),
                        r.text("containerName"),
                        r.nonNegative("settingsVersion"),
                        r.bool("coldStart"),
                        r.nonNegative("createMs"),
                        r.nonNegative("startMs"),
                        r.nonNegative("healthMs"),
                        r.nonNegative("totalMs"),
                        r.optText("workerId"),
                        r.optUuid("causationId"));
            case "RuntimeFailed" ->
                new RuntimeFailed(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("correlationId"),
                        r.code("reason", FailureReason.class),
                        r.text("message"),
                        r.optText("workerId"),
                        r.optUuid("causationId"),
                        r.has("retryAfterMs") ? r.nonNegative("retryAfterMs") : null);
            case "LastActive" ->
                new LastActive(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.instant("lastActiveAt"),
                        r.text("source"),
                        r.optText("host"));
            case "RuntimeSpawned" ->
                new RuntimeSpawned(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("correlationId"),
                        r.optUuid("causationId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.text("containerId"),
                        r.nonNegative("settingsVersion"),
                        r.text("configHash"),
                        r.nonNegative("createMs"));
            case "RuntimeStarted" ->
                new RuntimeStarted(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("correlationId"),
                        r.optUuid("causationId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.text("containerId"),
                        r.bool("adopted"),
                        r.nonNegative("startMs"));
            case "RuntimeStopped" -> readStopped(r);
            case "RuntimePaused" ->
                new RuntimePaused(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("causationId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.text("containerId"),
                        r.nonNegative("idleMs"));
            case "RuntimeResumed" ->
                new RuntimeResumed(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("correlationId"),
                        r.optUuid("causationId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.text("containerId"),
                        r.nonNegative("resumeMs"),
                        r.nonNegative("pausedMs"));
            case "RuntimeMoved" ->
                new RuntimeMoved(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.text("fromHost"),
                        r.text("toHost"),
                        r.nonNegative("bytesCopied"),
                        r.nonNegative("durationMs"),
                        r.optText("requestedBy"));
            case "RuntimeRecreated" ->
                new RuntimeRecreated(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.optUuid("causationId"),
                        r.text("workerId"),
                        r.text("containerName"),
                        r.nonNegative("fromSettingsVersion"),
                        r.nonNegative("settingsVersion"),
                        r.nonNegative("durationMs"));
            case "AccountUpdated" ->
                new AccountUpdated(
                        r.uuid("eventId"),
                        r.instant("occurredAt"),
                        r.userId("userId"),
                        r.text("displayName"),
                        r.optText("members"),
                        r.optText("timezone"),
                        r.optText("locale"),
                        r.optText("notes"),
                        r.text("changedBy"));
            default -> throw new InvalidEventException("type", "unknown event type '" + type + "'");
        };
    }

    private static RuntimeStopped readStopped(FieldReader r) {
        StopReason reason = r.code("reason", StopReason.class);
        var userId = reason == StopReason.ORPHAN ? r.optUserId("userId") : r.userId("userId");
        return new RuntimeStopped(
                r.uuid("eventId"),
                r.instant("occurredAt"),
                userId,
                r.optUuid("causationId"),
                r.text("workerId"),
                r.text("containerName"),
                reason,
                r.bool("removed"),
                r.bool("dataDeleted"),
                r.has("exitCode") ? r.nonNegative("exitCode") : null);
    }

    /** Typed fields of one JSON object, naming the field in every error (the former FieldReader). */
    static final class FieldReader {
        private static final Pattern UTC_TIMESTAMP = Pattern.compile(
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]{1,9})?Z$");
        private final JsonNode node;

        FieldReader(JsonNode node) {
            this.node = node;
        }

        private JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new InvalidEventException(field, "is required");
            }
            return value;
        }

        public boolean has(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull();
        }

        public String text(String field) {
            JsonNode value = required(field);
            if (!value.isTextual()) {
                throw new InvalidEventException(field, "must be a string, got " + value.getNodeType());
            }
            if (value.textValue().isEmpty()) {
                throw new InvalidEventException(field, "must not be empty");
            }
            return value.textValue();
        }

        public String optText(String field) {
            return has(field) ? text(field) : null;
        }

        public UUID uuid(String field) {
            String text = text(field);
            try {
                UUID parsed = UUID.fromString(text);
                if (!parsed.toString().equals(text)) {
                    throw new IllegalArgumentException("not canonical");
                }
                return parsed;
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException(field, "must be a canonical lowercase UUID, got '" + text + "'");
            }
        }

        public UUID optUuid(String field) {
            return has(field) ? uuid(field) : null;
        }

        public UserId userId(String field) {
            JsonNode value = required(field);
            try {
                return UserId.of(value.isTextual() ? value.textValue() : value.toString());
            } catch (InvalidUserIdException e) {
                throw new InvalidEventException(field, e.getMessage());
            }
        }

        public UserId optUserId(String field) {
            return has(field) ? userId(field) : null;
        }

        public Instant instant(String field) {
            String text = text(field);
            try {
                if (!UTC_TIMESTAMP.matcher(text).matches()) {
                    throw new DateTimeParseException("not UTC", text, 0);
                }
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new InvalidEventException(
                        field,
                        "must be an ISO-8601 UTC timestamp such as " + "2026-01-31T12:00:00Z, got '" + text + "'");
            }
        }

        public long integer(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw new InvalidEventException(field, "must be an integer, got " + value.getNodeType());
            }
            return value.longValue();
        }

        public long nonNegative(String field) {
            long value = integer(field);
            if (value < 0) {
                throw new InvalidEventException(field, "must be >= 0, got " + value);
            }
            return value;
        }

        public int nonNegativeInt(String field) {
            long value = nonNegative(field);
            if (value > Integer.MAX_VALUE) {
                throw new InvalidEventException(field, "is too large: " + value);
            }
            return (int) value;
        }

        public boolean bool(String field) {
            JsonNode value = required(field);
            if (!value.isBoolean()) {
                throw new InvalidEventException(field, "must be true or false, got " + value.getNodeType());
            }
            return value.booleanValue();
        }

        public <E extends Enum<E>> E code(String field, Class<E> codes) {
            String text = text(field);
            try {
                return Enum.valueOf(codes, text);
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException(field, "unknown code '" + text + "'");
            }
        }
    }
}
