package dev.hermes.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.ops.audit.dlq.PrintableText;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DlqPrintableTextTest {

    @Test
    void keepsTextAndEscapesWhatATerminalWouldInterpret() {
        assertThat(PrintableText.of(utf8("{\"a\":\"b\"}"), 300)).isEqualTo("{\"a\":\"b\"}");
        assertThat(PrintableText.of(utf8("line1\nline2\r\tend\\"), 300)).isEqualTo("line1\\nline2\\r\\tend\\\\");
        assertThat(PrintableText.of(utf8("bell\u0007 esc\u001b[31m del\u007f zwj\u200d"), 300))
                .isEqualTo("bell\\u0007 esc\\u001b[31m del\\u007f zwj\\u200d");
        assertThat(PrintableText.of(utf8("Grüße 👋"), 300)).isEqualTo("Grüße 👋");
        assertThat(PrintableText.of(null, 300)).isNull();
        assertThat(PrintableText.of(new byte[0], 300)).isEmpty();
    }

    @Test
    void showsBytesThatAreNotUtf8OneByOne() {
        assertThat(PrintableText.of(new byte[] {'o', 'k', (byte) 0xff, (byte) 0xc3, 0, '\\'}, 300))
                .isEqualTo("ok\\xff\\xc3\\x00\\x5c");
    }

    @Test
    void cutsLongValuesAndSaysHowManyBytesAreLeft() {
        String value = "x".repeat(1000);

        assertThat(PrintableText.of(utf8(value), 300)).isEqualTo("x".repeat(300) + "...(+700 bytes)");
        assertThat(PrintableText.of(utf8("é".repeat(10)), 4)).isEqualTo("éééé...(+12 bytes)");
        assertThat(PrintableText.of(new byte[] {(byte) 0xff, (byte) 0xfe, 1, 2}, 8))
                .isEqualTo("\\xff\\xfe...(+2 bytes)");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
