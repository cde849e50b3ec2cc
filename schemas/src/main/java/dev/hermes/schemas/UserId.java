package dev.hermes.schemas;

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
        UserId parsed = value == null || value.length() != 36 ? null
                : parse(value.getBytes(StandardCharsets.ISO_8859_1));
        if (parsed == null) {
            throw new InvalidUserIdException(value);
        }
        this.high = parsed.high;
        this.low = parsed.low;
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
        if (ascii == null || ascii.length != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 36; i++) {
            int c = ascii[i];
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return new UserId(high, low);
    }

    /** The canonical spelling, e.g. {@code 3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11}. */
    public String value() {
        return new UUID(high, low).toString();
    }

    /** The canonical spelling as ASCII bytes (a Kafka key), written directly from the bits. */
    public byte[] asciiBytes() {
        byte[] out = new byte[36];
        int at = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                out[at++] = '-';
            }
            long bits = i < 16 ? high : low;
            int nibble = (int) (bits >>> (60 - 4 * (i % 16))) & 0xf;
            out[at++] = (byte) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
        }
        return out;
    }

    public UUID uuid() {
        return new UUID(high, low);
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
