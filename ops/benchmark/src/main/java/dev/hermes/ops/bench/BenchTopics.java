package dev.hermes.ops.bench;

import dev.hermes.schemas.HermesException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The benchmark's own topics: all named "hermes-bench-<run>-...", created fresh and deleted at the end. */
public final class BenchTopics implements AutoCloseable {
    private final Admin admin;
    private final String runPrefix;

    public BenchTopics(String bootstrapServers, String runId) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.runPrefix = "hermes-bench-" + runId + "-";
    }

    /** A topic prefix of this run for one figure, e.g. "hermes-bench-1a2b3c4d-restore.". */
    public String prefix(String figure) {
        return runPrefix + figure + ".";
    }

    public Admin admin() {
        return admin;
    }

    /**
     * Creates a topic and waits until the broker leads every partition: ListOffsets is answered only by
     * a partition's leader. Producing to a partition whose leader is not ready yet answers
     * NOT_LEADER_OR_FOLLOWER, after which an idempotent producer with several batches in flight can
     * retry its first batch forever with OUT_OF_ORDER_SEQUENCE_NUMBER (seen here on fresh 24-partition
     * topics).
     */
    public void create(String name, int partitions, Map<String, String> configs) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(name, p), OffsetSpec.latest());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HermesException("interrupted while creating " + name, e);
        } catch (Exception e) {
            throw new HermesException("cannot create topic " + name + ": " + e, e);
        }
    }

    /** Deletes every topic of this run; returns how many. */
    public int deleteAll() {
        try {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<String> ours =
                    names.stream().filter(n -> n.startsWith(runPrefix)).toList();
            if (!ours.isEmpty()) {
                admin.deleteTopics(ours).all().get(60, TimeUnit.SECONDS);
            }
            return ours.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            throw new HermesException("cannot delete the benchmark topics " + runPrefix + "*: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
