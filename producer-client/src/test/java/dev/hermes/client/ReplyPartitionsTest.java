package dev.hermes.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyPartitionsTest {
    @Test
    void aStatefulSetOrdinalIsThePartition() {
        assertThat(ReplyPartitions.fromOrdinal("chat-3")).isEqualTo(3);
        assertThat(ReplyPartitions.fromOrdinal("chat-13", 12)).isEqualTo(1);
        assertThatThrownBy(() -> ReplyPartitions.fromOrdinal("chat")).hasMessageContaining("no ordinal");
    }

    @Test
    void aPodNameHashesToTheSamePartitionAsInTheNodeClient() {
        // the same values producer-client/node/test/unit/config.test.js expects of replyPartitionFromHash
        assertThat(ReplyPartitions.hash("chat-7d9f8-abcde", 12)).isEqualTo(3);
        assertThat(ReplyPartitions.hash("voice-0", 32)).isEqualTo(21);
        assertThatThrownBy(() -> ReplyPartitions.hash("x", 0)).hasMessageContaining("partitions");
    }
}
