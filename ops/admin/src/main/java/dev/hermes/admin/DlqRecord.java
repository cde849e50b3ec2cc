package dev.hermes.admin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record of the DLQ topic: the rejected record's key, value and headers exactly as received, plus
 * what the worker said about it ({@code hermes.dlq.*} headers; null when a header is missing).
 * {@code at} is where this record sits in the DLQ itself.
 */
public record DlqRecord(
        DlqSource at,
        long timestampMs,
        byte[] key,
        byte[] value,
        List<Header> originalHeaders,
        String reason,
        String field,
        String source,
        String worker) {
    public static final String REASON = "hermes.dlq.reason";
    public static final String FIELD = "hermes.dlq.field";
    public static final String SOURCE = "hermes.dlq.source";
    public static final String WORKER = "hermes.dlq.worker";
    /** Added to a replayed record: the DLQ record it came from. */
    public static final String REPLAYED_FROM = "hermes.dlq.replayed-from";

    private static final String DLQ_HEADER_PREFIX = "hermes.dlq.";

    public DlqRecord {
        originalHeaders = List.copyOf(originalHeaders);
    }

    public static DlqRecord of(ConsumerRecord<byte[], byte[]> record) {
        List<Header> original = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLQ_HEADER_PREFIX)) {
                original.add(header);
            }
        }
        return new DlqRecord(
                new DlqSource(record.topic(), record.partition(), record.offset()),
                record.timestamp(),
                record.key(),
                record.value(),
                original,
                last(record, REASON),
                last(record, FIELD),
                last(record, SOURCE),
                last(record, WORKER));
    }

    /** The parsed source, or null when the header is missing or not TOPIC-PARTITION@OFFSET. */
    public DlqSource parsedSource() {
        try {
            return source == null ? null : DlqSource.parse(source);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String last(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
