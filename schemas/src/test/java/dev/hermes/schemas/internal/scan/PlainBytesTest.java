package dev.hermes.schemas.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class PlainBytesTest {
    private static final int[] SOME_BYTES = {0x00, 0x01, 0x1f, 0x20, '!', '"', '#', '[', '\\', ']', 'a', 0x7f, 0x80,
        0xc3, 0xff};

    @Test
    void findsEveryQuoteBackslashControlAndNonAsciiByteInAnyPositionAndNothingElse() {
        for (int position = 0; position < 8; position++) {
            for (int b = 0; b < 256; b++) {
                byte[] eight = "abcdefgh".getBytes();
                eight[position] = (byte) b;
                assertThat(PlainBytes.firstSpecial(word(eight))).as("byte %02x at %d", b, position)
                        .isEqualTo(isSpecial(b) ? position : 8);
            }
        }
    }

    @Test
    void answersTheFirstSpecialByteWhateverFollowsIt() {
        for (int first = 0; first < 8; first++) {
            for (int second = first + 1; second < 8; second++) {
                for (int x : SOME_BYTES) {
                    for (int y : SOME_BYTES) {
                        byte[] eight = "abcdefgh".getBytes();
                        eight[first] = (byte) x;
                        eight[second] = (byte) y;
                        int expected = isSpecial(x) ? first : isSpecial(y) ? second : 8;
                        assertThat(PlainBytes.firstSpecial(word(eight)))
                                .as("%02x at %d, %02x at %d", x, first, y, second).isEqualTo(expected);
                    }
                }
            }
        }
    }

    private static boolean isSpecial(int b) {
        return b == '"' || b == '\\' || b < 0x20 || b >= 0x80;
    }

    private static long word(byte[] eight) {
        return ByteBuffer.wrap(eight).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
