package dev.hermes.worker.lifecycle;

import dev.hermes.schemas.StopReason;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerLabels;
import dev.hermes.worker.docker.ContainerSummary;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.metrics.Meters;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes legacy orphans, containers named {@code hermes-user-usr_*} from an old deploy. Only that
 * exact prefix is ever removed by name; every other container is left alone. Legacy orphans carry no
 * {@code hermes.fleet} label (they predate fleets); one that carries any fleet label is some fleet's, so it is
 * not an orphan of ours and is left alone too.
 */
public final class OrphanSweeper {
    static final String LEGACY_PREFIX = "/hermes-user-usr_";
    private static final Logger log = LoggerFactory.getLogger(OrphanSweeper.class);
    private final Docker docker;
    private final LifecycleAudit audit;
    private final Meters meters;
    private final Clock clock;

    public OrphanSweeper(Docker docker, LifecycleAudit audit, Meters meters, Clock clock) {
        this.docker = docker;
        this.audit = audit;
        this.meters = meters;
        this.clock = clock;
    }

    /** Returns how many orphans this call removed. */
    public int sweep() {
        meters.docker().called();
        int removed = 0;
        for (ContainerSummary container : docker.allNamed("hermes-user-usr_")) {
            String name = legacyName(container);
            if (name == null || ContainerLabels.fleet(container.labels()) != null) {
                continue;
            }
            if (!docker.remove(container.id())) {
                continue; // another worker got there first
            }
            removed++;
            meters.runtimes().orphanRemoved();
            audit.record(null, null, new RuntimeFact.Stopped(clock.instant(), name, StopReason.ORPHAN, true, false));
            log.info("removed legacy orphan container {}", name);
        }
        return removed;
    }

    private static String legacyName(ContainerSummary container) {
        for (String name : container.names()) {
            if (name.startsWith(LEGACY_PREFIX)) {
                return name.substring(1);
            }
        }
        return null;
    }
}
