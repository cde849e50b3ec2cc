package dev.hermes.admin;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.internal.EventWriter;
import dev.hermes.admin.internal.Partitions;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.EventIds;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

    private final Map<String, DockerClient> engines;
    private final Producer<byte[], byte[]> producer;
    private final boolean ownsProducer;
    private final EventWriter writer;
    private final Topics topics;
    private final Clock clock;
    private final String actor;

    /** Writes with {@code producer}, which the caller closes. {@code actor}: who forgets, for the audit event. */
    public FamilyForgetter(
            DockerClient docker, Producer<byte[], byte[]> producer, Topics topics, Clock clock, String actor) {
        this(Map.of(DockerHost.LOCAL, docker), producer, false, topics, clock, actor);
    }

    private FamilyForgetter(
            Map<String, DockerClient> engines,
            Producer<byte[], byte[]> producer,
            boolean ownsProducer,
            Topics topics,
            Clock clock,
            String actor) {
        this.engines = new LinkedHashMap<>(engines);
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
        return connect(Map.of(DockerHost.LOCAL, docker), kafka, topics, clock, actor);
    }

    /**
     * Over several Docker engines (by host name, in order; the clients stay the caller's): the family is forgotten on
     * whichever holds its container or volume.
     */
    public static FamilyForgetter connect(
            Map<String, DockerClient> engines, KafkaAccess kafka, Topics topics, Clock clock, String actor) {
        return new FamilyForgetter(engines, kafka.openProducer("hermes-admin-forget"), true, topics, clock, actor);
    }

    /**
     * What forgetting did; {@code partition}: where the last-active tombstone went; {@code foundOn}: the hosts that
     * held the family's container or volume; {@code unreachable}: the hosts that did not answer (the family was found
     * on another).
     */
    public record Forgotten(
            boolean containerRemoved,
            boolean dataDeleted,
            int partition,
            List<String> foundOn,
            List<String> unreachable) {
        public Forgotten {
            foundOn = List.copyOf(foundOn);
            unreachable = List.copyOf(unreachable);
        }
    }

    /** Forgets the family whatever fleet its runtime belongs to (a tool that cleans up what it made itself). */
    public Forgotten forget(UserId user, boolean deleteData) {
        return forget(user, deleteData, null);
    }

    /**
     * Forgets the family of {@code fleet} on every engine that holds its container or volume: refuses, touching
     * nothing, when its container (or, with {@code deleteData}, its volume) carries another fleet's {@code
     * hermes.fleet} label. One with no fleet label (made by hand, or before fleets) is forgotten as before. An engine
     * that does not answer is passed over when the family was found on another; otherwise forget refuses.
     *
     * @param fleet the fleet (worker consumer group); null for any
     * @throws OtherFleetException when it belongs to another fleet
     * @throws DockerHostsUnreachableException when an engine did not answer and no other holds the family
     */
    public Forgotten forget(UserId user, boolean deleteData, String fleet) {
        Map<String, FamilyOnEngine> found = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        engines.forEach((host, docker) -> {
            try {
                FamilyOnEngine here = FamilyOnEngine.find(docker, user);
                if (here.container() || here.volume()) {
                    found.put(host, here);
                }
            } catch (RuntimeException e) {
                unreachable.add(host);
            }
        });
        if (!unreachable.isEmpty() && found.isEmpty()) {
            throw new DockerHostsUnreachableException(unreachable, user.value());
        }
        if (fleet != null) {
            for (FamilyOnEngine here : found.values()) {
                requireFleet("container", user.containerName(), here.containerFleet(), fleet);
                if (deleteData) {
                    requireFleet("volume", user.volumeName(), here.volumeFleet(), fleet);
                }
            }
        }
        boolean removed = false;
        boolean deleted = false;
        for (String host : found.keySet()) {
            removed |= FamilyOnEngine.removeContainer(engines.get(host), user);
            if (deleteData) {
                deleted |= FamilyOnEngine.removeVolume(engines.get(host), user);
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
        return new Forgotten(removed, deleted, partition, List.copyOf(found.keySet()), unreachable);
    }

    private static void requireFleet(String kind, String name, String theirs, String ours) {
        if (theirs != null && !theirs.equals(ours)) {
            throw new OtherFleetException(kind, name, theirs, ours);
        }
    }

    @Override
    public void close() {
        if (ownsProducer) {
            producer.close();
        }
    }
}
