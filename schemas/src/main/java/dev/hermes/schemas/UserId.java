package dev.hermes.schemas;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A family's id: a UUID in canonical lowercase 8-4-4-4-12 form. Anything else is rejected, because
 * the id becomes a container name, a volume name and a Kafka key, and two spellings of one id would
 * give one family two runtimes.
 */
public record UserId(String value) implements Comparable<UserId> {
    private static final Pattern CANONICAL =
            Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    public UserId {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new InvalidUserIdException(value);
        }
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    /** The 32 hex digits, no dashes: the stable part of container and volume names. */
    public String hex() {
        return value.replace("-", "");
    }

    public String containerName() {
        return "hermes-user-" + hex();
    }

    public String volumeName() {
        return containerName() + "-data";
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
