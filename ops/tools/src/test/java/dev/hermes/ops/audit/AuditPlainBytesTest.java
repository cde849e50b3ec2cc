package dev.hermes.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class AuditPlainBytesTest {

    @Test
    void flagsEveryQuoteBackslashControlAndNonAsciiByteInAnyPositionAndNothingElse() {
        for (int position = 0; position < 8; position++) {
            for (int b = 0; b < 256; b++) {
                byte[] eight = "abcdefgh".getBytes();
                eight[position] = (byte) b;
                long word = ByteBuffer.wrap(eight).order(ByteOrder.LITTLE_ENDIAN).getLong();
                boolean special = b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
                assertThat(PlainBytes.anySpecial(word)).as("byte %02x at %d", b, position).isEqualTo(special);
            }
        }
    }
}
