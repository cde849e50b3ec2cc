package dev.hermes.schemas.internal.scan;

/** Every top-level field some event type reads (see EventFields.read); any other name is skipped. */
enum Field {
    TYPE("type"), SCHEMA_VERSION("schemaVersion"), EVENT_ID("eventId"), OCCURRED_AT("occurredAt"),
    USER_ID("userId"), CORRELATION_ID("correlationId"), CAUSATION_ID("causationId"), REPLY_TOPIC("replyTopic"),
    REPLY_PARTITION("replyPartition"), DEADLINE("deadline"), SOURCE("source"), DEVICE_ID("deviceId"),
    CHANGED_BY("changedBy"), LAST_ACTIVE_AT("lastActiveAt"), URL("url"), CONTAINER_NAME("containerName"),
    CONTAINER_ID("containerId"), CONFIG_HASH("configHash"), WORKER_ID("workerId"), REASON("reason"),
    MESSAGE("message"), SETTINGS_VERSION("settingsVersion"), FROM_SETTINGS_VERSION("fromSettingsVersion"),
    CREATE_MS("createMs"), START_MS("startMs"), HEALTH_MS("healthMs"), TOTAL_MS("totalMs"),
    DURATION_MS("durationMs"), COLD_START("coldStart"), ADOPTED("adopted"), REMOVED("removed"),
    DATA_DELETED("dataDeleted");

    private final String jsonName;

    Field(String jsonName) {
        this.jsonName = jsonName;
    }

    String jsonName() {
        return jsonName;
    }
}
