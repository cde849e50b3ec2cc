package dev.hermes.ops.status;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Who owns which partition of the requests topic: two admin calls (the topic's partition count, the workers'
 * consumer group). A member is shown as its worker id (its client id without {@code hermes-worker-}) @ its host.
 */
public final class WorkerOwners {
    static final String CLIENT_ID_PREFIX = "hermes-worker-";
    private static final long TIMEOUT_SEC = 30;

    private WorkerOwners() {}

    public static PartitionOwners read(Admin admin, String requestsTopic, String group) {
        try {
            int partitions = admin.describeTopics(List.of(requestsTopic))
                    .allTopicNames()
                    .get(TIMEOUT_SEC, TimeUnit.SECONDS)
                    .get(requestsTopic)
                    .partitions()
                    .size();
            Map<Integer, String> owners = new HashMap<>();
            for (MemberDescription member : members(admin, group)) {
                for (TopicPartition tp : member.assignment().topicPartitions()) {
                    if (tp.topic().equals(requestsTopic)) {
                        owners.put(tp.partition(), name(member));
                    }
                }
            }
            return new PartitionOwners(partitions, owners);
        } catch (ExecutionException | TimeoutException e) {
            throw new StatusSourceFailedException(
                    "cannot describe the workers' group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StatusSourceFailedException("interrupted while describing the workers' group " + group, e);
        }
    }

    /** The group's members; none when the group does not exist (no worker has joined it yet). */
    private static Collection<MemberDescription> members(Admin admin, String group)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(TIMEOUT_SEC, TimeUnit.SECONDS)
                    .get(group);
            return description.members();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return List.of();
            }
            throw e;
        }
    }

    static String name(MemberDescription member) {
        String id = member.clientId().startsWith(CLIENT_ID_PREFIX)
                ? member.clientId().substring(CLIENT_ID_PREFIX.length())
                : member.clientId();
        String host = member.host().startsWith("/") ? member.host().substring(1) : member.host();
        return id + "@" + host;
    }
}
