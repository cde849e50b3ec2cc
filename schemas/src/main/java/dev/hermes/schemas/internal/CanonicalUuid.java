package dev.hermes.schemas.internal;

import java.util.UUID;

/**
 * The one spelling of a UUID on the wire: 8-4-4-4-12 lowercase hex, as {@link UUID#toString()} writes it.
 * Ids, correlation ids and user ids are all read and written here, so every reader agrees on what is
 * canonical. (UUID.fromString is too lenient: it takes "1-1-1-1-1", uppercase and non-ASCII digits.)
 */
public final class CanonicalUuid {
    public static final int LENGTH = 36;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalUuid() {
    }

    /** The UUID spelled by {@code text}, or null unless it is spelled canonically. */
    public static UUID parse(String text) {
        if (text == null || text.length() != LENGTH) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
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
        return new UUID(high, low);
    }

    /** Spells {@code id} at the start of {@code into} (at least 36 chars) without making a String; returns 36. */
    public static int write(UUID id, char[] into) {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        int at = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                into[at++] = '-';
            }
            long bits = i < 16 ? high : low;
            into[at++] = HEX[(int) (bits >>> (60 - 4 * (i % 16))) & 0xf];
        }
        return LENGTH;
    }
}
