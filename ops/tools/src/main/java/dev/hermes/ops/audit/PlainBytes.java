package dev.hermes.ops.audit;

/**
 * Tests eight bytes of a JSON string at once (SWAR): does any of them end the plain case, i.e. is a quote,
 * a backslash, a control character (< 0x20) or non-ASCII (>= 0x80)? A false answer is exact; a true answer
 * only sends the caller to its byte-by-byte loop.
 */
final class PlainBytes {
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long SPACES = ONES * 0x20;

    private PlainBytes() {
    }

    static boolean anySpecial(long eight) {
        long quote = eight ^ QUOTES;
        long backslash = eight ^ BACKSLASHES;
        long zeroByte = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash);
        long belowSpace = (eight - SPACES) & ~eight;
        return ((zeroByte | belowSpace | eight) & HIGH_BITS) != 0;
    }
}
