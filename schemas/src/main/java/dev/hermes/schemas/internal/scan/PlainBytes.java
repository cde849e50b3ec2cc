package dev.hermes.schemas.internal.scan;

/**
 * Tests eight bytes of a JSON string at once (SWAR): which is the first that ends the plain case, i.e. is a
 * quote, a backslash, a control character (< 0x20) or non-ASCII (>= 0x80)? The borrows of the subtractions
 * may flag bytes after a special one, never before it, so the lowest flag is exact.
 */
final class PlainBytes {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private PlainBytes() {
    }

    /** The index (0-7) of the first special byte of eight read little-endian, or 8 when none is. */
    static int firstSpecial(long eight) {
        long quote = eight ^ QUOTES;
        long backslash = eight ^ BACKSLASHES;
        long zeroByte = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash);
        long belowSpace = (eight - SPACES) & ~eight;
        return Long.numberOfTrailingZeros((zeroByte | belowSpace | eight) & HIGH_BITS) >>> 3;
    }
}
