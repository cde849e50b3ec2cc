package dev.hermes.worker.runtime;

import dev.hermes.schemas.UserId;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Docker's {@code pause} and {@code unpause} events mean for the warm set. A pause (the worker's own, or an
 * operator's or a benchmark's {@code docker pause}) moves the runtime from the warm set to the paused set, so no warm
 * answer hands out a frozen runtime and the next ensure resumes it. An unpause changes nothing: the runtime stays in
 * the paused set until an ensure checks it (the resume finds it thawed already and only checks its health).
 */
public final class ContainerPauses {
    private static final Logger log = LoggerFactory.getLogger(ContainerPauses.class);
    private final RuntimeRegistry registry;
    private final Clock clock;

    public ContainerPauses(RuntimeRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** @param user the family from the event's labels, or null when it carries none */
    public void paused(UserId user, String containerId) {
        UserId family = user != null ? user : warmFamilyOf(containerId);
        if (family != null && registry.find(family) != null && registry.pause(family, containerId, clock.instant())) {
            log.info("runtime {} of user {} was paused: out of the warm set", family.containerName(), family);
        }
    }

    public void unpaused(UserId user, String containerId) {
        log.debug("container {} of user {} was unpaused; an ensure checks it before it is warm", containerId, user);
    }

    private UserId warmFamilyOf(String containerId) {
        return registry.all().stream()
                .filter(r -> r.containerId().equals(containerId))
                .map(Runtime::userId)
                .findFirst()
                .orElse(null);
    }
}
