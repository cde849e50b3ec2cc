package dev.hermes.worker.runtime;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.docker.ContainerEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a container event means for the warm set. {@code die}, {@code stop} and {@code destroy} take the runtime out at
 * once; if it was warm (the worker did not stop it itself: every stop of the worker leaves the warm set first), the
 * listener hears of it, with the exit code of the {@code die} event, as OOM_KILLED after an {@code oom} event. A
 * {@code kill} only sends a signal: the container may live on, and its {@code die} follows if it does not. A death
 * after SIGTERM ({@code docker stop}, an operator's) is told as asked for, so it is not brought back.
 */
public final class ContainerDeaths {
    private static final Logger log = LoggerFactory.getLogger(ContainerDeaths.class);
    private final RuntimeRegistry registry;
    private final String userLabel;
    private final RuntimeDeathListener listener;
    private final Set<String> outOfMemory = ConcurrentHashMap.newKeySet();
    private final Set<String> terminated = ConcurrentHashMap.newKeySet();
    private final ContainerPauses pauses;

    /** @param pauses told of {@code pause} and {@code unpause} events; null ignores them */
    public ContainerDeaths(
            RuntimeRegistry registry, String userLabel, RuntimeDeathListener listener, ContainerPauses pauses) {
        this.registry = registry;
        this.userLabel = userLabel;
        this.listener = listener;
        this.pauses = pauses;
    }

    public void on(ContainerEvent event) {
        String id = event.containerId();
        if (id == null || event.action() == null) {
            return;
        }
        switch (event.action()) {
            case "oom" -> outOfMemory.add(id);
            case "kill" -> {
                if (isSigterm(event.attributes())) {
                    terminated.add(id);
                }
            }
            case "die", "stop", "destroy" -> gone(event, id);
            case "pause" -> {
                if (pauses != null) {
                    pauses.paused(userOf(event), id);
                }
            }
            case "unpause" -> {
                if (pauses != null) {
                    pauses.unpaused(userOf(event), id);
                }
            }
            default -> {}
        }
    }

    private void gone(ContainerEvent event, String id) {
        boolean oom = outOfMemory.remove(id);
        boolean stopAsked = terminated.remove(id) && !oom;
        Optional<Runtime> gone = registry.containerGone(userOf(event), id);
        if (gone.isEmpty()) {
            return;
        }
        Runtime runtime = gone.get();
        Long exitCode = "die".equals(event.action()) ? exitCode(event.attributes()) : null;
        StopReason reason = oom ? StopReason.OOM_KILLED : StopReason.DIED;
        log.info(
                "runtime {} of user {} is gone ({}{}, exit code {})",
                runtime.containerName(),
                runtime.userId(),
                event.action(),
                stopAsked ? " after SIGTERM" : "",
                exitCode);
        listener.died(runtime, reason, exitCode, stopAsked);
    }

    /** The family, from the container's user-id label that Docker copies into the event; null if absent. */
    private UserId userOf(ContainerEvent event) {
        Map<String, String> attributes = event.attributes();
        String value = attributes == null ? null : attributes.get(userLabel);
        return value == null ? null : UserId.parse(value.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isSigterm(Map<String, String> attributes) {
        String signal = attributes == null ? null : attributes.get("signal");
        return signal != null && (signal.equals("15") || signal.equals("SIGTERM") || signal.equals("TERM"));
    }

    private static Long exitCode(Map<String, String> attributes) {
        String value = attributes == null ? null : attributes.get("exitCode");
        if (value == null) {
            return null;
        }
        try {
            long code = Long.parseLong(value.trim());
            return code < 0 ? null : code;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
