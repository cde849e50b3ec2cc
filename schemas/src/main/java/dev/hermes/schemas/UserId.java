package dev.hermes.schemas;

import dev.hermes.schemas.internal.CanonicalUuid;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A family's id: a UUID in canonical lowercase 8-4-4-4-12 form. Anything else is rejected, because
 * the id becomes a container name, a volume name and a Kafka key, and two spellings of one id would
 * give one family two runtimes.
 *
 * <p>Held as its 128 bits, not as text: a worker keeps one per family it serves (100k and more) and
 * looks families up 100k times a second, so equality and hashing must not chase a String and its bytes.
 * {@link #value()} spells it on demand.
 */
public final class UserId implements Comparable<UserId> {
    private final long high;
    private final long low;

    private UserId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** @throws InvalidUserIdException unless {@code value} is a canonical lowercase UUID */
    public UserId(String value) {
        UUID parsed = CanonicalUuid.parse(value);
        if (parsed == null) {
            throw new InvalidUserIdException(value);
        }
        this.high = parsed.getMostSignificantBits();
        this.low = parsed.getLeastSignificantBits();
    }

    public static UserId of(String value) {
        return new UserId(value);
    }

    /** Every UUID has exactly one canonical spelling, so every UUID is a valid id. */
    public static UserId fromUuid(UUID uuid) {
        return new UserId(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    }

    public static UserId random() {
        return fromUuid(UUID.randomUUID());
    }

    /** The id spelled by these ASCII bytes (a Kafka key, say), or null if they are not a canonical id. */
    public static UserId parse(byte[] ascii) {
        UUID parsed = ascii == null || ascii.length != CanonicalUuid.LENGTH
                ? null
                : CanonicalUuid.parse(new String(ascii, StandardCharsets.ISO_8859_1));
        return parsed == null ? null : fromUuid(parsed);
    }

    /** The canonical spelling, e.g. {@code 3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11}. */
    public String value() {
        return new UUID(high, low).toString();
    }

    /** The canonical spelling as ASCII bytes (a Kafka key). */
    public byte[] asciiBytes() {
        return value().getBytes(StandardCharsets.US_ASCII);
    }

    public UUID uuid() {
        return new UUID(high, low);
    }

    /** The id whose {@link #hex()} is {@code hex} (32 lowercase hex digits, as in a container's name), or null. */
    public static UserId fromHex(String hex) {
        if (hex == null || hex.length() != 32) {
            return null;
        }
        for (int i = 0; i < 32; i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return null;
            }
        }
        return new UserId(
                Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** The 32 hex digits, no dashes: the stable part of container and volume names. */
    public String hex() {
        return value().replace("-", "");
    }

    public String containerName() {
        return "hermes-user-" + hex();
    }

    public String volumeName() {
        return containerName() + "-data";
    }

    /** The order of the spellings: fixed-width lowercase hex sorts as the unsigned number it spells. */
    @Override
    public int compareTo(UserId other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserId id && id.high == high && id.low == low;
    }

    @Override
    public int hashCode() {
        long mixed = high * 31 + low;
        return (int) (mixed ^ (mixed >>> 32));
    }

    @Override
    public String toString() {
        return value();
    }
}
