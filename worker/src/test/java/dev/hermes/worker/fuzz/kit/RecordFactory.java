package dev.hermes.worker.fuzz.kit;

import static dev.hermes.worker.fuzz.kit.RequestJson.quoted;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Heartbeat;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.Partitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Builds one record of a kind: a good request for a good family, or a bad record of a {@link FuzzKind}. */
final class RecordFactory {
    private static final int DEPTH = 10_000;
    private static final int HUGE_BYTES = 900 * 1024;
    private static final String[] REQUIRED = {
        "schemaVersion",
        "eventId",
        "occurredAt",
        "userId",
        "correlationId",
        "replyTopic",
        "replyPartition",
        "deadline",
        "source"
    };
    private final FuzzPlan plan;
    private final Random random;
    private final List<UserId> goodFamilies = new ArrayList<>();
    private final List<UUID> goodEventIds = new ArrayList<>();

    RecordFactory(FuzzPlan plan, Random random) {
        this.plan = plan;
        this.random = random;
    }

    FuzzGenerator.Built good(int i) {
        UserId family = UserId.fromUuid(uuid());
        UUID eventId = uuid();
        goodFamilies.add(family);
        goodEventIds.add(eventId);
        UUID correlationId = uuid();
        RequestJson json = request(family, correlationId).putString("eventId", eventId.toString());
        return keyed(FuzzKind.GOOD, family.value(), json.bytes(), correlationId, family);
    }

    FuzzGenerator.Built bad(FuzzKind kind) {
        UserId fresh = UserId.fromUuid(uuid());
        UUID correlationId = uuid();
        RequestJson json = request(fresh, correlationId);
        String key = fresh.value();
        byte[] value;
        UserId family = fresh;
        switch (kind) {
            case NOT_JSON -> value = notJson();
            case EMPTY_VALUE -> value = new byte[0];
            case TRUNCATED_JSON -> {
                byte[] whole = json.bytes();
                value = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            }
            case DEEP_NESTING -> value = deep(json);
            case HUGE_VALUE ->
                value = json.putString("userId", "f".repeat(HUGE_BYTES)).bytes();
            case WRONG_TYPES -> value = wrongType(json).bytes();
            case MISSING_FIELD -> value = json.remove(pick(REQUIRED)).bytes();
            case UNKNOWN_TYPE ->
                value = json.putString("type", pick("RuntimeExploded", "RuntimeReady", "runtimerequested"))
                        .bytes();
            case UPPERCASE_USER_ID -> {
                key = fresh.value().toUpperCase(java.util.Locale.ROOT);
                value = json.putString("userId", key).bytes();
            }
            case BRACED_USER_ID -> {
                key = "{" + fresh.value() + "}";
                value = json.putString("userId", key).bytes();
            }
            case URN_USER_ID -> {
                key = "urn:uuid:" + fresh.value();
                value = json.putString("userId", key).bytes();
            }
            case KEY_NOT_USER_ID -> {
                key = UserId.fromUuid(uuid()).value();
                value = json.bytes();
            }
            case NULL_KEY -> {
                return new FuzzGenerator.Built(new FuzzRecord(
                        -1, kind, null, json.bytes(), random.nextInt(plan.requestPartitions()), correlationId, fresh));
            }
            case UNKNOWN_SCHEMA_VERSION ->
                value = json.put("schemaVersion", pick("2", "0", "99", "-1")).bytes();
            case NEGATIVE_REPLY_PARTITION ->
                value = json.put("replyPartition", pick("-1", "-2147483648")).bytes();
            case STALE_DEADLINE ->
                value = json.putString("occurredAt", ago(Duration.ofDays(1)))
                        .putString("deadline", ago(Duration.ofDays(1).minusMinutes(1)))
                        .bytes();
            case STALE_HEARTBEAT -> {
                correlationId = null;
                value = new EventCodec()
                        .encode(new Heartbeat(
                                uuid(), plan.now().minus(Duration.ofDays(1)), fresh, "fuzz-device", "fuzz"));
            }
            default -> {
                // the kinds aimed at a good family: a well-formed request with odd reply coordinates or dates
                family = goodFamilies.get(random.nextInt(goodFamilies.size()));
                key = family.value();
                json = request(family, correlationId);
                value = aimedAtGoodFamily(kind, json).bytes();
            }
        }
        return keyed(kind, key, value, correlationId, family);
    }

    private RequestJson aimedAtGoodFamily(FuzzKind kind, RequestJson json) {
        return switch (kind) {
            case REPLY_PARTITION_9999 -> json.put("replyPartition", "9999");
            case REPLY_TOPIC_INTERNAL ->
                json.putString(
                        "replyTopic",
                        pick(
                                plan.topics().settings(),
                                plan.topics().lastActive(),
                                plan.topics().requests(),
                                plan.topics().events(),
                                plan.topics().dlq(),
                                "__consumer_offsets"));
            case REPLY_TOPIC_UNKNOWN ->
                json.putString("replyTopic", plan.topics().prefix() + "no-such-topic-" + uuid());
            case FAR_FUTURE_DEADLINE -> json.putString("deadline", "9999-12-31T23:59:59Z");
            case DUPLICATE_EVENT_ID ->
                json.putString(
                        "eventId",
                        goodEventIds.get(random.nextInt(goodEventIds.size())).toString());
            default -> throw new IllegalArgumentException("no builder for " + kind);
        };
    }

    private RequestJson request(UserId family, UUID correlationId) {
        return new RequestJson()
                .putString("type", "RuntimeRequested")
                .put("schemaVersion", "1")
                .putString("eventId", uuid().toString())
                .putString("occurredAt", plan.now().toString())
                .putString("userId", family.value())
                .putString("correlationId", correlationId.toString())
                .putString("replyTopic", plan.topics().replies())
                .put("replyPartition", Integer.toString(random.nextInt(plan.replyPartitions())))
                .putString("deadline", plan.now().plus(plan.goodDeadline()).toString())
                .putString("source", "fuzz");
    }

    private RequestJson wrongType(RequestJson json) {
        return switch (random.nextInt(8)) {
            case 0 -> json.put("replyPartition", quoted("3"));
            case 1 -> json.put("deadline", "1700000000");
            case 2 -> json.put("userId", "42");
            case 3 -> json.put("schemaVersion", quoted("1"));
            case 4 -> json.put("correlationId", "true");
            case 5 -> json.put("eventId", "null");
            case 6 -> json.put("replyPartition", "1.5");
            default -> json.put("occurredAt", "[]");
        };
    }

    private byte[] notJson() {
        return switch (random.nextInt(4)) {
            case 0 -> "hello, hermes".getBytes(StandardCharsets.UTF_8);
            case 1 -> "<RuntimeRequested userId=\"x\"/>".getBytes(StandardCharsets.UTF_8);
            case 2 -> "{{{]]".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] noise = new byte[1 + random.nextInt(256)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    /** {@value DEPTH} levels: bare objects, bare arrays, or a request carrying them in an extra field. */
    private byte[] deep(RequestJson json) {
        return switch (random.nextInt(3)) {
            case 0 -> ("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("[".repeat(DEPTH) + "]".repeat(DEPTH)).getBytes(StandardCharsets.UTF_8);
            default -> json.put("extra", "[".repeat(DEPTH) + "]".repeat(DEPTH)).bytes();
        };
    }

    private FuzzGenerator.Built keyed(FuzzKind kind, String key, byte[] value, UUID correlationId, UserId family) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        int partition = Partitions.ofKey(keyBytes, plan.requestPartitions());
        return new FuzzGenerator.Built(new FuzzRecord(-1, kind, keyBytes, value, partition, correlationId, family));
    }

    private String ago(Duration duration) {
        return plan.now().minus(duration).toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    /** A random version-4 UUID from the seeded generator. */
    private UUID uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
