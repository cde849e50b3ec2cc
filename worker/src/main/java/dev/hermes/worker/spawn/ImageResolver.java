package dev.hermes.worker.spawn;

import dev.hermes.worker.config.ImagePull;
import dev.hermes.worker.docker.Docker;
import dev.hermes.worker.docker.DockerCallFailedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves HERMES_IMAGE to the id of the image it names, pulling as HERMES_IMAGE_PULL says, and holds that id:
 * every runtime is created from it. Resolved at start, then again periodically and on Docker image events
 * ({@link ImageWatch}); a new id is what starts an image rollout. A failed resolve keeps the id it had (the
 * running fleet is not broken by a registry outage); with none, an ensure fails with Docker's message.
 */
public final class ImageResolver implements AgentImage {
    private static final Logger log = LoggerFactory.getLogger(ImageResolver.class);
    private final Docker docker;
    private final String reference;
    private final ImagePull policy;
    private final Duration pullTimeout;
    private volatile String id;
    private volatile String failure = "not resolved yet";

    public ImageResolver(Docker docker, String reference, ImagePull policy, Duration pullTimeout) {
        this.docker = docker;
        this.reference = reference;
        this.policy = policy;
        this.pullTimeout = pullTimeout;
    }

    @Override
    public String reference() {
        return reference;
    }

    @Override
    public String id() {
        String now = id;
        if (now == null) {
            throw new ImageUnavailableException(reference, failure);
        }
        return now;
    }

    /**
     * Looks the reference up again, pulling first if the policy says so and {@code mayPull} (the periodic check:
     * an image event only makes it look again). Returns whether the id changed from one it had.
     */
    public synchronized boolean resolve(boolean mayPull) {
        Optional<String> lookedUp;
        try {
            lookedUp = lookUp(mayPull);
        } catch (RuntimeException e) {
            // Docker's refusal, or no Docker at all (the transport's own exceptions): never fatal here
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            if (!why.equals(failure)) {
                log.warn(
                        "agent image {} (HERMES_IMAGE_PULL={}) not resolved: {}; {}",
                        reference,
                        policy.spelling(),
                        why,
                        id == null ? "ensures fail with SPAWN_ERROR until it is" : "runtimes keep image " + id);
            }
            failure = why;
            return false;
        }
        if (lookedUp.isEmpty()) {
            return false;
        }
        String found = lookedUp.get();
        failure = "";
        String before = id;
        if (Objects.equals(before, found)) {
            return false;
        }
        id = found;
        if (before == null) {
            log.info("agent image {} is {}", reference, found);
            return false;
        }
        log.info(
                "agent image {} is now {} (was {}): runtimes on the old image will be recreated",
                reference,
                found,
                before);
        return true;
    }

    /**
     * The id, or empty when this look-up cannot tell (an event's look-up may not pull): what is known is kept. Under
     * {@code always} only a pull says which image the tag names, so only the periodic check looks.
     */
    private Optional<String> lookUp(boolean mayPull) {
        if (policy == ImagePull.ALWAYS) {
            return mayPull ? Optional.of(pulled()) : Optional.empty();
        }
        Optional<String> local = docker.imageId(reference);
        if (local.isPresent()) {
            return local;
        }
        if (policy == ImagePull.NEVER) {
            throw new DockerCallFailedException(
                    "no such image in the Docker engine, and HERMES_IMAGE_PULL=never does not pull it", null);
        }
        return mayPull ? Optional.of(pulled()) : Optional.empty();
    }

    private String pulled() {
        long t0 = System.nanoTime();
        log.info("pulling agent image {} (HERMES_IMAGE_PULL={})", reference, policy.spelling());
        docker.pull(reference, pullTimeout);
        log.info("pulled agent image {} in {} ms", reference, (System.nanoTime() - t0) / 1_000_000);
        return docker.imageId(reference)
                .orElseThrow(() ->
                        new DockerCallFailedException("the pull succeeded but the engine has no such image", null));
    }
}
