package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates an events topic for the benchmark, configured as TopicAdmin configures it (400 days' retention:
 * the synthetic history is up to 30 days old), and waits until its metadata is visible.
 */
final class BenchEventsTopic {
    private static final Duration RETENTION = Duration.ofDays(400);
    private final String bootstrapServers;
    private final Clock clock;

    BenchEventsTopic(String bootstrapServers, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.clock = clock;
    }

    void create(String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            NewTopic events = new NewTopic(topic, partitions, (short) 1).configs(Map.of("cleanup.policy", "delete",
                    "retention.ms", Long.toString(RETENTION.toMillis())));
            try {
                admin.createTopics(List.of(events)).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            awaitMetadata(admin, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while creating " + topic, e);
        } catch (Exception e) {
            throw new HermesException("cannot create " + topic + ": " + e, e);
        }
    }

    /** describeTopics right after createTopics can still answer UnknownTopicOrPartition for a moment. */
    private void awaitMetadata(Admin admin, String topic) throws Exception {
        Instant deadline = clock.instant().plusSeconds(30);
        while (true) {
            try {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (clock.instant().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
