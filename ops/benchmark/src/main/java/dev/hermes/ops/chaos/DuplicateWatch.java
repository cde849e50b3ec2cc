package dev.hermes.ops.chaos;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.hermes.worker.docker.ContainerSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks for families with more than one container: every 500 ms among the running containers of the run
 * (two at one moment), and once more at the end among all of them (more than one left). The families
 * found either way are the duplicates.
 */
final class DuplicateWatch implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DuplicateWatch.class);
    private final DockerClient docker;
    private final String runLabel;
    private final Set<String> duplicated = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    DuplicateWatch(DockerClient docker, String runId) {
        this.docker = docker;
        this.runLabel = ChaosStack.LABEL + "=" + runId;
    }

    DuplicateWatch start() {
        timer.scheduleWithFixedDelay(() -> sample(false), 0, 500, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Stops watching, looks at every container once more, and returns the duplicated families. */
    Set<String> finish() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        sample(true);
        return Set.copyOf(duplicated);
    }

    private void sample(boolean all) {
        try {
            List<Container> containers = docker.listContainersCmd()
                    .withShowAll(all)
                    .withLabelFilter(List.of(runLabel))
                    .exec();
            Map<String, Integer> perFamily = new HashMap<>();
            for (Container c : containers) {
                String family = c.getLabels() == null ? null : c.getLabels().get(ContainerSpec.LABEL_USER);
                if (family != null) {
                    perFamily.merge(family, 1, Integer::sum);
                }
            }
            perFamily.forEach((family, count) -> {
                if (count > 1 && duplicated.add(family)) {
                    log.warn("family {} has {} containers{}", family, count, all ? " at the end" : " at once");
                }
            });
        } catch (RuntimeException e) {
            log.debug("listing containers: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
