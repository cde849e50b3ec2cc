package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestBroker.class)
class TopicAdminIT {

    @Test
    void createMakesEveryTopicOnceAndLeavesExistingOnesAlone(KafkaAccess kafka) throws Exception {
        Topics topics = TestBroker.freshTopics();
        TopicAdmin admin = new TopicAdmin(kafka);

        admin.create(topics, 3, (short) 1);
        admin.create(topics, 5, (short) 1);
        admin.verifyCopartitioned(topics);

        try (Admin client = kafka.openAdmin("it")) {
            Map<String, TopicDescription> described = client.describeTopics(
                            Set.of(topics.requests(), topics.lastActive(), topics.settings(), topics.dlq()))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            assertThat(described.get(topics.requests()).partitions()).hasSize(3);
            assertThat(described.get(topics.lastActive()).partitions()).hasSize(3);
            assertThat(described.get(topics.dlq()).partitions()).hasSize(3);
            assertThat(described.get(topics.settings()).partitions()).hasSize(1);
        }
    }

    @Test
    void requestsAndLastActiveWithDifferentPartitionCountsAreRefused(KafkaAccess kafka) throws Exception {
        Topics topics = TestBroker.freshTopics();
        try (Admin client = kafka.openAdmin("it")) {
            client.createTopics(List.of(
                            new NewTopic(topics.requests(), 3, (short) 1),
                            new NewTopic(topics.lastActive(), 2, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }

        assertThatThrownBy(() -> new TopicAdmin(kafka).create(topics, 3, (short) 1))
                .isInstanceOf(TopicSetupException.class)
                .hasMessage(topics.requests() + " has 3 partitions but " + topics.lastActive()
                        + " has 2; they must match (see README: adding partitions)");
    }
}
