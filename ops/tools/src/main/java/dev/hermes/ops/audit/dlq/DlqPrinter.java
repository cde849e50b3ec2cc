package dev.hermes.ops.audit.dlq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.DlqRecord;
import dev.hermes.schemas.HermesException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** `dlq list` output: one block per record as text, or one JSON document with stable field names. */
public final class DlqPrinter {
    public static final int MAX_VALUE_CHARS = 300;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public void list(String dlqTopic, List<DlqRecord> shown, int total, boolean asJson, PrintStream out) {
        if (asJson) {
            out.println(json(dlqTopic, shown, total));
            return;
        }
        out.println(dlqTopic + ": " + total + " record(s)"
                + (shown.size() < total ? ", showing the oldest " + shown.size() : ""));
        for (DlqRecord r : shown) {
            out.println(r.at() + "  " + Instant.ofEpochMilli(r.timestampMs()));
            out.println("  source: " + dash(r.source()));
            out.println("  reason: " + dash(PrintableText.of(bytes(r.reason()), MAX_VALUE_CHARS)));
            out.println("  field:  " + dash(r.field()));
            out.println("  worker: " + dash(r.worker()));
            out.println("  key:    " + dash(PrintableText.of(r.key(), MAX_VALUE_CHARS)));
            out.println("  value:  " + dash(PrintableText.of(r.value(), MAX_VALUE_CHARS)));
        }
    }

    private String json(String dlqTopic, List<DlqRecord> shown, int total) {
        ObjectNode root = mapper.createObjectNode();
        root.put("topic", dlqTopic);
        root.put("total", total);
        root.put("shown", shown.size());
        ArrayNode records = root.putArray("records");
        for (DlqRecord r : shown) {
            records.addObject()
                    .put("dlq", r.at().toString())
                    .put("timestamp", Instant.ofEpochMilli(r.timestampMs()).toString())
                    .put("source", r.source())
                    .put("reason", r.reason())
                    .put("field", r.field())
                    .put("worker", r.worker())
                    .put("key", PrintableText.of(r.key(), MAX_VALUE_CHARS))
                    .put("value", PrintableText.of(r.value(), MAX_VALUE_CHARS))
                    .put("valueBytes", r.value() == null ? null : r.value().length);
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new HermesException("cannot write the DLQ listing as JSON", e);
        }
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
