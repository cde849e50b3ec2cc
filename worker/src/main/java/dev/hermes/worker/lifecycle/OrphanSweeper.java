package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.EventIds;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.hermes.schemas.RuntimeStopped;
import dev.hermes.schemas.StopReason;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.kafka.EventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes legacy orphans, containers named {@code hermes-user-usr_*} from an old deploy. Only that
 * exact prefix is ever removed by name; every other container is left alone.
 */
public final class OrphanSweeper {
    static final String LEGACY_PREFIX = "/hermes-user-usr_";
    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private final DockerClient docker;
    private final EventPublisher publisher;
    private final Meters meters;
    private final Clock clock;
    private final String workerId;

    public OrphanSweeper(DockerClient docker, EventPublisher publisher, Meters meters, Clock clock, String workerId) {
        this.docker = docker;
        this.publisher = publisher;
        this.meters = meters;
        this.clock = clock;
        this.workerId = workerId;
    }

    /** Returns how many orphans this call removed. */
    public int sweep() {
        meters.dockerCall();
        List<Container> candidates = docker.listContainersCmd().withShowAll(true)
                .withNameFilter(List.of("hermes-user-usr_")).exec();
        int removed = 0;
        for (Container container : candidates) {
            String name = legacyName(container);
            if (name == null) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                continue; // another worker got there first
            }
            removed++;
            meters.orphanRemoved();
            publisher.audit(new RuntimeStopped(EventIds.next(), clock.instant(), null, null, workerId, name,
                    StopReason.ORPHAN, true, false));
            log.info("removed legacy orphan container {}", name);
        }
        return removed;
    }

    private static String legacyName(Container container) {
        if (container.getNames() == null) {
            return null;
        }
        for (String name : container.getNames()) {
            if (name.startsWith(LEGACY_PREFIX)) {
                return name.substring(1);
            }
        }
        return null;
    }
}
