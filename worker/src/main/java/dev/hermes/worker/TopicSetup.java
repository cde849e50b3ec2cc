package dev.hermes.worker;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the hermes topics with their configs. The last-active topic is compacted and has exactly as
 * many partitions as the requests topic: a family's state lives on the partition of the same number.
 */
public final class TopicSetup {
    private static final long DAY_MS = 24L * 3600 * 1000;

    private TopicSetup() {
    }

    public static void create(String bootstrapServers, Topics topics, int partitions, short replication) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> wanted = List.of(
                    topic(topics.requests(), partitions, replication, Map.of("cleanup.policy", "delete",
                            "retention.ms", Long.toString(7 * DAY_MS))),
                    topic(topics.lastActive(), partitions, replication, Map.of("cleanup.policy", "compact",
                            "min.cleanable.dirty.ratio", "0.1", "segment.ms", Long.toString(DAY_MS))),
                    topic(topics.replies(), partitions, replication, Map.of("cleanup.policy", "delete",
                            "retention.ms", Long.toString(3600_000))),
                    topic(topics.settings(), 1, replication, Map.of("cleanup.policy", "delete",
                            "retention.ms", Long.toString(365 * DAY_MS))),
                    topic(topics.events(), partitions, replication, Map.of("cleanup.policy", "delete",
                            "retention.ms", Long.toString(400 * DAY_MS))),
                    topic(topics.dlq(), partitions, replication, Map.of("cleanup.policy", "delete",
                            "retention.ms", Long.toString(30 * DAY_MS))));
            for (NewTopic topic : wanted) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            verifyCopartitioned(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while creating topics", e);
        } catch (Exception e) {
            throw new HermesException("cannot create the hermes topics on " + bootstrapServers + ": " + e, e);
        }
    }

    private static void verifyCopartitioned(Admin admin, Topics topics) throws Exception {
        Map<String, TopicDescription> described = null;
        for (int attempt = 1; described == null; attempt++) {
            try {
                described = admin.describeTopics(Set.of(topics.requests(), topics.lastActive()))
                        .allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // a topic created a moment ago may not be in the broker's metadata yet
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt >= 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
        int requests = described.get(topics.requests()).partitions().size();
        int lastActive = described.get(topics.lastActive()).partitions().size();
        if (requests != lastActive) {
            throw new HermesException(topics.requests() + " has " + requests + " partitions but " + topics.lastActive()
                    + " has " + lastActive + "; they must match (see README: adding partitions)");
        }
    }

    private static NewTopic topic(String name, int partitions, short replication, Map<String, String> configs) {
        return new NewTopic(name, partitions, replication).configs(configs);
    }
}
