package dev.hermes.ops.audit.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Makes bytes safe to print on one terminal line: valid UTF-8 is shown as text with control and other
 * invisible characters escaped (\n, \t, \r, \\u0000); anything else byte by byte, non-ASCII as \xNN. Cut
 * after {@code max} characters with a note of how many bytes were left out.
 */
public final class PrintableText {
    private PrintableText() {}

    /** null stays null (a record without key or value). */
    public static String of(byte[] bytes, int max) {
        if (bytes == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int consumed = utf8(bytes, max, out);
        if (consumed < 0) {
            out.setLength(0);
            consumed = raw(bytes, max, out);
        }
        if (consumed < bytes.length) {
            out.append("...(+").append(bytes.length - consumed).append(" bytes)");
        }
        return out.toString();
    }

    /** Appends escaped text; returns the bytes consumed, or -1 if the bytes are not UTF-8. */
    private static int utf8(byte[] bytes, int max, StringBuilder out) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return -1;
        }
        int i = 0;
        while (i < text.length() && out.length() < max) {
            int cp = text.codePointAt(i);
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(cp)
                            || !Character.isDefined(cp)
                            || Character.getType(cp) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.appendCodePoint(cp);
                    }
                }
            }
            i += Character.charCount(cp);
        }
        return text.substring(0, i).getBytes(StandardCharsets.UTF_8).length;
    }

    private static int raw(byte[] bytes, int max, StringBuilder out) {
        int i = 0;
        for (; i < bytes.length && out.length() < max; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return i;
    }
}
