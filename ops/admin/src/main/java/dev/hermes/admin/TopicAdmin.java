package dev.hermes.admin;

import dev.hermes.schemas.HermesException;
import dev.hermes.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the hermes topics with their configs (idempotent: topics that exist are left as they are) and
 * verifies the layout. The last-active topic is compacted and has exactly as many partitions as the
 * requests topic: a family's state lives on the partition of the same number.
 */
public final class TopicAdmin {
    private static final long DAY_MS = 24L * 3600 * 1000;
    /** Compacted state topics (last-active, accounts): one record per family, cleaned often. */
    private static final Map<String, String> COMPACTED = Map.of(
            "cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1", "segment.ms", Long.toString(DAY_MS));

    private final KafkaAccess kafka;

    public TopicAdmin(KafkaAccess kafka) {
        this.kafka = kafka;
    }

    /** The topics with their configs, as {@link #create} makes them. */
    public static List<NewTopic> layout(Topics topics, int partitions, short replication) {
        if (partitions < 1 || replication < 1) {
            throw new HermesException(
                    "partitions and replication must be at least 1, got " + partitions + " and " + replication);
        }
        return List.of(
                topic(
                        topics.requests(),
                        partitions,
                        replication,
                        Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(7 * DAY_MS))),
                topic(topics.lastActive(), partitions, replication, COMPACTED),
                topic(
                        topics.replies(),
                        partitions,
                        replication,
                        Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(3600_000))),
                topic(
                        topics.settings(),
                        1,
                        replication,
                        Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(365 * DAY_MS))),
                // each family's newest AccountUpdated; every worker reads all of it, so no co-partitioning
                topic(topics.accounts(), partitions, replication, COMPACTED),
                topic(
                        topics.events(),
                        partitions,
                        replication,
                        Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(400 * DAY_MS))),
                topic(
                        topics.dlq(),
                        partitions,
                        replication,
                        Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(30 * DAY_MS))));
    }

    /** Creates what is missing, then {@link #verifyCopartitioned verifies} the requests and last-active topics. */
    public void create(Topics topics, int partitions, short replication) {
        List<NewTopic> wanted = layout(topics, partitions, replication);
        try (Admin admin = kafka.openAdmin("hermes-topic-admin")) {
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
            throw new TopicSetupException("interrupted while creating topics", e);
        } catch (TopicSetupException e) {
            throw e;
        } catch (Exception e) {
            throw new TopicSetupException(
                    "cannot create the hermes topics on " + kafka.bootstrapServers() + ": " + e, e);
        }
    }

    /** Fails when the requests and last-active topics do not have the same number of partitions. */
    public void verifyCopartitioned(Topics topics) {
        try (Admin admin = kafka.openAdmin("hermes-topic-admin")) {
            verifyCopartitioned(admin, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted while describing topics", e);
        } catch (TopicSetupException e) {
            throw e;
        } catch (Exception e) {
            throw new TopicSetupException(
                    "cannot describe the hermes topics on " + kafka.bootstrapServers() + ": " + e, e);
        }
    }

    private static void verifyCopartitioned(Admin admin, Topics topics) throws Exception {
        Map<String, TopicDescription> described = null;
        for (int attempt = 1; described == null; attempt++) {
            try {
                described = admin.describeTopics(Set.of(topics.requests(), topics.lastActive()))
                        .allTopicNames()
                        .get(30, TimeUnit.SECONDS);
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
            throw new TopicSetupException(
                    topics.requests() + " has " + requests + " partitions but " + topics.lastActive() + " has "
                            + lastActive + "; they must match (see README: adding partitions)",
                    null);
        }
    }

    private static NewTopic topic(String name, int partitions, short replication, Map<String, String> configs) {
        return new NewTopic(name, partitions, replication).configs(configs);
    }
}
