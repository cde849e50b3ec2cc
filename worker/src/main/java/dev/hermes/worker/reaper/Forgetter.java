package dev.hermes.worker.reaper;

import dev.hermes.schemas.EventIds;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.Partitions;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Deletes a family from the fleet: removes its runtime, writes a tombstone to the compacted
 * last-active topic (so no restore brings it back) and audits it. The volume, the family's data, is
 * deleted only when asked: this is the one path in the system that deletes a family's data.
 */
public final class Forgetter {
    private final DockerClient docker;
    private final EventPublisher publisher;
    private final Topics topics;
    private final Clock clock;
    private final String actor;

    public Forgetter(DockerClient docker, EventPublisher publisher, Topics topics, Clock clock, String actor) {
        this.docker = docker;
        this.publisher = publisher;
        this.topics = topics;
        this.clock = clock;
        this.actor = actor;
    }

    /** What forgetting did. */
    public record Outcome(boolean containerRemoved, boolean dataDeleted, int partition) {
    }

    public Outcome forget(UserId user, boolean deleteData) throws Exception {
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
        int partition = Partitions.of(user, publisher.partitionCount(topics.lastActive()));
        publisher.tombstone(partition, user).get(30, TimeUnit.SECONDS);
        publisher.audit(new RuntimeStopped(EventIds.next(), clock.instant(), user, null, actor,
                user.containerName(), StopReason.FORGET, removed, deleted)).get(30, TimeUnit.SECONDS);
        return new Outcome(removed, deleted, partition);
    }
}
