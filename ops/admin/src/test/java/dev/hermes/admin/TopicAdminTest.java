package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicAdminTest {
    private static final Topics TOPICS = new Topics("t.");

    @Test
    void theKeyedTopicsShareThePartitionCountAndLastActiveIsCompacted() {
        Map<String, NewTopic> layout =
                TopicAdmin.layout(TOPICS, 6, (short) 3).stream().collect(Collectors.toMap(NewTopic::name, t -> t));

        assertThat(layout)
                .containsOnlyKeys(
                        TOPICS.requests(),
                        TOPICS.lastActive(),
                        TOPICS.replies(),
                        TOPICS.settings(),
                        TOPICS.accounts(),
                        TOPICS.events(),
                        TOPICS.dlq());
        assertThat(layout.values())
                .allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 3));
        assertThat(layout.get(TOPICS.requests()).numPartitions()).isEqualTo(6);
        assertThat(layout.get(TOPICS.lastActive()).numPartitions()).isEqualTo(6);
        assertThat(layout.get(TOPICS.settings()).numPartitions()).isEqualTo(1);
        assertThat(layout.get(TOPICS.lastActive()).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(layout.get(TOPICS.accounts()).configs()).containsEntry("cleanup.policy", "compact");
        assertThat(layout.get(TOPICS.events()).configs())
                .containsEntry("retention.ms", Long.toString(400L * 24 * 3600 * 1000));
    }

    @Test
    void noPartitionsOrReplicasIsRefused() {
        assertThatThrownBy(() -> TopicAdmin.layout(TOPICS, 0, (short) 1))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("at least 1");
    }
}
