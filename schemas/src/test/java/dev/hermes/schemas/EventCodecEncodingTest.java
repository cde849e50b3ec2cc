package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.SampleEvents.Sample;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The streaming encoder writes exactly the bytes the former tree encoding wrote (an ObjectNode serialised
 * by the mapper), kept here as the reference: the same field order, escapes, numbers and timestamps.
 */
class EventCodecEncodingTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TEXTS = List.of(
            "x",
            "with \"quotes\"",
            "back\\slash \\\\ \\u0041",
            "slash / and </script> & 'single'",
            "controls \u0000\u0001\u0008\u000b\u001f end",
            "\b\f\n\r\t",
            "del \u007f",
            "Latin-1 ü é ß ÿ",
            "€ ∑ 中文 ＡＢＣ",
            "emoji 😀 👩‍👩‍👧 🇩🇪",
            "separators \u2028\u2029",
            "lone \uD800 high",
            "lone \uDC00 low",
            "ends high \uD83D",
            "\uFEFFbom",
            " padded ",
            "ü".repeat(5_000),
            "a".repeat(7_999) + "€😀" + "\"".repeat(3_000),
            "z\\".repeat(40_000));
    private static final List<Instant> INSTANTS = List.of(
            Instant.EPOCH,
            Instant.parse("2026-11-27T10:57:28Z"),
            Instant.parse("2026-11-27T10:57:28.100Z"),
            Instant.parse("2026-11-27T10:57:28.000100Z"),
            Instant.parse("2026-11-27T10:57:28.000000001Z"),
            Instant.parse("0000-01-01T00:00:00Z"),
            Instant.parse("9999-12-31T23:59:59.999999999Z"),
            Instant.parse("1969-07-20T20:17:40Z"),
            Instant.ofEpochSecond(253_402_300_800L, 5),
            Instant.ofEpochSecond(-62_167_219_201L),
            Instant.MIN,
            Instant.MAX);
    private static final List<UUID> IDS = List.of(
            new UUID(0, 0),
            new UUID(-1, -1),
            UUID.randomUUID(),
            UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    private static final Map<Class<?>, List<?>> REPLACEMENTS = Map.of(
            String.class,
            TEXTS,
            Instant.class,
            INSTANTS,
            UUID.class,
            IDS,
            long.class,
            List.of(0L, 9L, 10L, 1_000_000_007L, Long.MAX_VALUE),
            int.class,
            List.of(0, 127, 128, Integer.MAX_VALUE),
            boolean.class,
            List.of(true, false),
            UserId.class,
            List.of(UserId.of("ffffffff-ffff-ffff-ffff-ffffffffffff"), UserId.random()));
    private final EventCodec codec = new EventCodec();

    @Test
    void encodesEverySampleAndEveryOneFieldVariantAsTheTreeEncodingDid() throws Exception {
        int compared = 0;
        for (Sample sample : SampleEvents.all()) {
            compared += compare(sample.event());
            RecordComponent[] components = sample.event().getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                for (Object replacement : REPLACEMENTS.getOrDefault(components[i].getType(), List.of())) {
                    Event variant;
                    try {
                        variant = with(sample.event(), i, replacement);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (e.getCause() instanceof InvalidEventException) {
                            continue; // out of the record's own bounds (AccountUpdated): no such event exists
                        }
                        throw e;
                    }
                    compared += compare(variant);
                }
            }
        }
        assertThat(compared).isGreaterThan(600);
    }

    @Test
    void encodesRandomEventsWithAnyUnicodeTextAsTheTreeEncodingDid() {
        RandomEvents events = new RandomEvents(13, EventCodecEncodingTest::anyText);
        for (int i = 0; i < 20_000; i++) {
            compare(events.next());
        }
    }

    @Test
    void encodesRandomEventsWithAsciiTextAsTheTreeEncodingDidWhetherOrNotItNeedsEscapes() {
        // mostly the direct-to-bytes path; a quote, backslash, DEL or control char sends an event to Jackson
        RandomEvents events = new RandomEvents(17, random -> {
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(40); i > 0; i--) {
                text.append((char) (random.nextInt(50) == 0 ? random.nextInt(0x80) : 0x20 + random.nextInt(0x5f)));
            }
            return text.toString();
        });
        for (int i = 0; i < 20_000; i++) {
            compare(events.next());
        }
    }

    /** Returns 1 after checking that both encodings give the same bytes (or both fail alike). */
    private int compare(Event event) {
        String expected = outcome(() -> treeEncoding(event));
        assertThat(outcome(() -> codec.encode(event))).as(event.toString()).isEqualTo(expected);
        return 1;
    }

    private interface Encoding {
        byte[] encode() throws Exception;
    }

    private static String outcome(Encoding encoding) {
        try {
            return Arrays.toString(encoding.encode());
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The former encoding: type and version, then each record component in order, into an ObjectNode. */
    private static byte[] treeEncoding(Event event) throws Exception {
        ObjectNode node = MAPPER.createObjectNode();
        put(node, "type", event.type());
        put(node, "schemaVersion", Event.SCHEMA_VERSION);
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            put(node, component.getName(), component.getAccessor().invoke(event));
        }
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (Exception e) {
            throw new HermesException("could not encode " + event.type(), e);
        }
    }

    private static void put(ObjectNode node, String field, Object value) {
        if (value instanceof Boolean b) {
            node.put(field, b);
        } else if (value instanceof Long l) {
            node.put(field, l);
        } else if (value instanceof Integer i) {
            node.put(field, i);
        } else if (value != null) {
            node.put(field, value.toString());
        }
    }

    /** A copy of {@code event} with its {@code index}th record component replaced. */
    private static Event with(Event event, int index, Object replacement) throws Exception {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = i == index ? replacement : components[i].getAccessor().invoke(event);
            types[i] = components[i].getType();
        }
        Constructor<?> canonical = event.getClass().getDeclaredConstructor(types);
        return (Event) canonical.newInstance(values);
    }

    /** Any code points: controls, ASCII, Latin-1, the rest of the BMP, astral, and now and then a lone surrogate. */
    private static String anyText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(30); i > 0; i--) {
            int bound = new int[] {0x20, 0x80, 0x100, 0x10000, 0x110000}[random.nextInt(5)];
            int codePoint = random.nextInt(bound);
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF && random.nextInt(20) != 0) {
                codePoint = 'x';
            }
            text.appendCodePoint(codePoint);
        }
        return new String(text.toString().getBytes(StandardCharsets.UTF_16), StandardCharsets.UTF_16);
    }
}
