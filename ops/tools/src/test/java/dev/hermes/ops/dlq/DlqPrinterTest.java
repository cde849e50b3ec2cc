package dev.hermes.ops.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.admin.DlqRecord;
import dev.hermes.admin.DlqSource;
import dev.hermes.ops.audit.dlq.DlqPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqPrinterTest {
    private static final DlqRecord BAD_USER = new DlqRecord(
            new DlqSource("hermes.runtime.dlq", 2, 7),
            1_795_000_000_000L,
            "USR_42".getBytes(StandardCharsets.UTF_8),
            ("{\"userId\":\"USR_42\"}\n" + "x".repeat(400)).getBytes(StandardCharsets.UTF_8),
            List.of(),
            "field 'userId': user id must be a canonical lowercase UUID",
            "userId",
            "hermes.runtime.requests-1@17",
            "worker-1");
    private static final DlqRecord NOT_JSON = new DlqRecord(
            new DlqSource("hermes.runtime.dlq", 0, 3),
            1_795_000_001_000L,
            null,
            new byte[] {'n', 'o', (byte) 0xff},
            List.of(),
            "value is not JSON",
            null,
            null,
            null);

    @Test
    void printsOneBlockPerRecordWithTheValueCutAndEscaped() {
        assertThat(print(false, 3)).isEqualTo("""
hermes.runtime.dlq: 3 record(s), showing the oldest 2
hermes.runtime.dlq-2@7  2026-11-18T11:06:40Z
  source: hermes.runtime.requests-1@17
  reason: field 'userId': user id must be a canonical lowercase UUID
  field:  userId
  worker: worker-1
  key:    USR_42
  value:  {"userId":"USR_42"}\\n%s...(+121 bytes)
hermes.runtime.dlq-0@3  2026-11-18T11:06:41Z
  source: -
  reason: value is not JSON
  field:  -
  worker: -
  key:    -
  value:  no\\xff
""".formatted("x".repeat(279)));
    }

    @Test
    void printsJsonWithStableFieldNames() throws Exception {
        assertThat(new ObjectMapper().readTree(print(true, 2)))
                .isEqualTo(new ObjectMapper().readTree("""
{"topic": "hermes.runtime.dlq", "total": 2, "shown": 2, "records": [
 {"dlq": "hermes.runtime.dlq-2@7", "timestamp": "2026-11-18T11:06:40Z", "source": "hermes.runtime.requests-1@17",
  "reason": "field 'userId': user id must be a canonical lowercase UUID", "field": "userId", "worker": "worker-1",
  "key": "USR_42", "value": "{\\"userId\\":\\"USR_42\\"}\\\\n%s...(+121 bytes)", "valueBytes": 420},
 {"dlq": "hermes.runtime.dlq-0@3", "timestamp": "2026-11-18T11:06:41Z", "source": null, "reason": "value is not JSON",
  "field": null, "worker": null, "key": null, "value": "no\\\\xff", "valueBytes": 3}]}
""".formatted("x".repeat(279))));
    }

    private static String print(boolean json, int total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new DlqPrinter()
                .list(
                        "hermes.runtime.dlq",
                        List.of(BAD_USER, NOT_JSON),
                        total,
                        json,
                        new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
