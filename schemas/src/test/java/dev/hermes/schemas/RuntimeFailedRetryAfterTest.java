package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** retryAfterMs is optional: records written before it existed decode, and it is written only when given. */
class RuntimeFailedRetryAfterTest {
    private static final String BEFORE_THE_FIELD = "{\"type\":\"RuntimeFailed\",\"schemaVersion\":1,"
            + "\"eventId\":\"6b1f3c1e-1f0a-4d1e-9d6c-2f4f1b0c9a11\",\"occurredAt\":\"2026-01-31T12:00:00Z\","
            + "\"userId\":\"3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11\",\"reason\":\"SPAWN_ERROR\",\"message\":\"docker said no\"}";
    private final EventCodec codec = new EventCodec();

    @Test
    void aRecordWrittenBeforeTheFieldExistedDecodesWithoutAHint() {
        RuntimeFailed failed = codec.decode(BEFORE_THE_FIELD.getBytes(StandardCharsets.UTF_8), RuntimeFailed.class);

        assertThat(failed.reason()).isEqualTo(FailureReason.SPAWN_ERROR);
        assertThat(failed.retryAfterMs()).isNull();
        assertThat(new String(codec.encode(failed), StandardCharsets.UTF_8)).doesNotContain("retryAfterMs");
    }

    @Test
    void aCapacityHintIsWrittenAndReadAsANonNegativeInteger() {
        String withHint = BEFORE_THE_FIELD.replace("SPAWN_ERROR", "CAPACITY").replace("}", ",\"retryAfterMs\":42000}");

        RuntimeFailed failed = codec.decode(withHint.getBytes(StandardCharsets.UTF_8), RuntimeFailed.class);

        assertThat(failed.reason()).isEqualTo(FailureReason.CAPACITY);
        assertThat(failed.retryAfterMs()).isEqualTo(42_000L);
        assertThat(new String(codec.encode(failed), StandardCharsets.UTF_8)).contains("\"retryAfterMs\":42000");
        assertThatThrownBy(() -> codec.decode(
                        withHint.replace("42000", "-1").getBytes(StandardCharsets.UTF_8), RuntimeFailed.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("retryAfterMs");
    }
}
