package dev.hermes.admin;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.admin.internal.EventWriter;
import dev.hermes.admin.internal.Partitions;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;

/**
 * Deletes a family from the fleet: removes its runtime, writes a tombstone to the compacted
 * last-active topic (so no restore brings it back) and audits it. The volume, the family's data, is
 * deleted only when asked: this is the one path in the system that deletes a family's data.
 */
public final class FamilyForgetter implements AutoCloseable {
    /** The label the workers put on a runtime and its volume: their consumer group. */
    public static final String LABEL_FLEET = "hermes.fleet";

    private final DockerClient docker;
    private final Producer<byte[], byte[]> producer;
    private final boolean ownsProducer;
    private final EventWriter writer;
    private final Topics topics;
    private final Clock clock;
    private final String actor;

    /** Writes with {@code producer}, which the caller closes. {@code actor}: who forgets, for the audit event. */
    public FamilyForgetter(
            DockerClient docker, Producer<byte[], byte[]> producer, Topics topics, Clock clock, String actor) {
        this(docker, producer, false, topics, clock, actor);
    }

    private FamilyForgetter(
            DockerClient docker,
            Producer<byte[], byte[]> producer,
            boolean ownsProducer,
            Topics topics,
            Clock clock,
            String actor) {
        this.docker = docker;
        this.producer = producer;
        this.ownsProducer = ownsProducer;
        this.writer = new EventWriter(producer, new EventCodec());
        this.topics = topics;
        this.clock = clock;
        this.actor = actor;
    }

    /** With a producer of its own, closed by {@link #close}. The docker client stays the caller's. */
    public static FamilyForgetter connect(
            DockerClient docker, KafkaAccess kafka, Topics topics, Clock clock, String actor) {
        return new FamilyForgetter(docker, kafka.openProducer("hermes-admin-forget"), true, topics, clock, actor);
    }

    /** What forgetting did; {@code partition}: where the last-active tombstone went. */
    public record Forgotten(boolean containerRemoved, boolean dataDeleted, int partition) {}

    /** Forgets the family whatever fleet its runtime belongs to (a tool that cleans up what it made itself). */
    public Forgotten forget(UserId user, boolean deleteData) {
        return forget(user, deleteData, null);
    }

    /**
     * Forgets the family of {@code fleet}: refuses, touching nothing, when its container (or, with
     * {@code deleteData}, its volume) carries another fleet's {@code hermes.fleet} label. One with no fleet
     * label (made by hand, or before fleets) is forgotten as before.
     *
     * @param fleet the fleet (worker consumer group); null for any
     * @throws OtherFleetException when it belongs to another fleet
     */
    public Forgotten forget(UserId user, boolean deleteData, String fleet) {
        if (fleet != null) {
            requireFleet("container", user.containerName(), containerFleet(user), fleet);
            if (deleteData) {
                requireFleet("volume", user.volumeName(), volumeFleet(user), fleet);
            }
        }
        boolean removed;
        try {
            docker.removeContainerCmd(user.containerName()).withForce(true).exec();
            removed = true;
        } catch (NotFoundException e) {
            removed = false;
        }
        boolean deleted = false;
        if (deleteData) {
            try {
                docker.removeVolumeCmd(user.volumeName()).exec();
                deleted = true;
            } catch (NotFoundException e) {
                deleted = false;
            }
        }
        int partition = Partitions.of(user, writer.partitionCount(topics.lastActive()));
        writer.tombstone(topics.lastActive(), partition, user);
        writer.event(
                topics.events(),
                user,
                new RuntimeStopped(
                        EventIds.next(),
                        clock.instant(),
                        user,
                        null,
                        actor,
                        user.containerName(),
                        StopReason.FORGET,
                        removed,
                        deleted));
        return new Forgotten(removed, deleted, partition);
    }

    private static void requireFleet(String kind, String name, String theirs, String ours) {
        if (theirs != null && !theirs.equals(ours)) {
            throw new OtherFleetException(kind, name, theirs, ours);
        }
    }

    private String containerFleet(UserId user) {
        try {
            Map<String, String> labels = docker.inspectContainerCmd(user.containerName())
                    .exec()
                    .getConfig()
                    .getLabels();
            return labels == null ? null : labels.get(LABEL_FLEET);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private String volumeFleet(UserId user) {
        try {
            Map<String, String> labels =
                    docker.inspectVolumeCmd(user.volumeName()).exec().getLabels();
            return labels == null ? null : labels.get(LABEL_FLEET);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (ownsProducer) {
            producer.close();
        }
    }
}
