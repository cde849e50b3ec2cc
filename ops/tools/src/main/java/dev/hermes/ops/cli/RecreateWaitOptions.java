package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.ops.recreate.FleetContainers;
import dev.hermes.ops.recreate.RecreateDisplay;
import dev.hermes.ops.recreate.RecreateFailures;
import dev.hermes.ops.recreate.RecreateProgress;
import dev.hermes.ops.recreate.RecreateWait;
import dev.hermes.ops.status.FleetEngines;
import dev.hermes.schemas.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --wait [--wait-timeout D] [--fleet G]} of {@code settings set}: watches the fleet's containers (on every
 * engine of HERMES_DOCKER_HOSTS, else DOCKER_HOST's) until every one runs on the new settings version or does not run, with progress on stderr; on timeout names the families still
 * on an older version with their last failure from the audit.
 */
public final class RecreateWaitOptions {
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long a family seen stuck may have no container before it counts as removed, not being recreated. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final CliContext context;

    @Option(
            names = "--wait",
            description = "wait until every runtime of the fleet runs on the new version (or is paused or stopped: "
                    + "those are replaced on their next ensure), showing progress on stderr; exit 1 on timeout, "
                    + "naming the families still on an older version")
    private boolean wait;

    @Option(
            names = "--wait-timeout",
            paramLabel = "D",
            description = "how long --wait waits: 30s, 10m, 1h (default: 10m)")
    private Duration timeout = Duration.ofMinutes(10);

    @Option(
            names = "--fleet",
            paramLabel = "<group-id>",
            description =
                    "the fleet (worker consumer group) --wait watches. Default: HERMES_GROUP_ID, else hermes-workers")
    private String fleet;

    public RecreateWaitOptions(CliContext context) {
        this.context = context;
    }

    public boolean enabled() {
        return wait;
    }

    /** Waits, prints the outcome as text unless {@code json} is given (then adds it there), returns the exit code. */
    int await(long version, Instant changedAt, KafkaOptions kafka, ObjectNode json) throws InterruptedException {
        String group = fleet != null ? fleet : context.env().get("HERMES_GROUP_ID", "hermes-workers");
        RecreateProgress progress;
        try (FleetEngines engines = FleetEngines.connect(
                context.env().get("HERMES_DOCKER_HOSTS", ""), context.env().dockerHost(), 2)) {
            progress = new RecreateWait(
                            () -> FleetContainers.onEvery(engines.byName().values(), group),
                            context.clock(),
                            POLL,
                            GRACE)
                    .await(version, timeout, new RecreateDisplay(context.err(), context.terminal()));
        }
        Map<UserId, RecreateFailures.Audit> audit = progress.converged()
                ? Map.of()
                : new RecreateFailures(kafka.kafka(), kafka.topics(), context.clock())
                        .since(
                                changedAt,
                                progress.stuck().stream()
                                        .map(RecreateProgress.Stuck::user)
                                        .collect(Collectors.toSet()));
        if (json != null) {
            json.set("wait", toJson(progress, audit));
        } else {
            print(progress, audit);
        }
        return progress.converged() ? 0 : 1;
    }

    private void print(RecreateProgress progress, Map<UserId, RecreateFailures.Audit> audit) {
        if (progress.converged()) {
            context.out()
                    .printf(
                            "recreate converged: %d runtimes on settings version %d or not running%n",
                            progress.total(), progress.targetVersion());
            return;
        }
        context.out()
                .printf(
                        "not converged after %s: %d of %d runtimes still run an older settings version (%s)%n",
                        timeout,
                        progress.stuck().size(),
                        progress.total(),
                        progress.stuckByVersion().entrySet().stream()
                                .map(e -> e.getValue() + " on " + version(e.getKey()))
                                .collect(Collectors.joining(", ")));
        for (RecreateProgress.Stuck stuck : progress.stuck()) {
            RecreateFailures.Audit last = audit.get(stuck.user());
            StringBuilder line = new StringBuilder(stuck.user() + " STUCK on " + version(stuck.settingsVersion()));
            if (last != null && last.lastRecreated() != null) {
                line.append(", last recreated onto version ")
                        .append(last.lastRecreated().settingsVersion())
                        .append(" at ")
                        .append(last.lastRecreated().occurredAt());
            }
            if (last != null && last.lastFailure() != null) {
                line.append(", last failure ")
                        .append(last.lastFailure().reason())
                        .append(" at ")
                        .append(last.lastFailure().occurredAt())
                        .append(": ")
                        .append(last.lastFailure().message());
            } else {
                line.append(", no failure in the audit since the change");
            }
            context.out().println(line);
        }
    }

    private static String version(long version) {
        return version == RecreateProgress.UNKNOWN_VERSION ? "no container (being recreated)" : "version " + version;
    }

    private static ObjectNode toJson(RecreateProgress progress, Map<UserId, RecreateFailures.Audit> audit) {
        ObjectNode node = JsonOutput.object()
                .put("converged", progress.converged())
                .put("done", progress.done())
                .put("total", progress.total())
                .put("deferred", progress.deferred());
        ArrayNode stuck = node.putArray("stuck");
        for (RecreateProgress.Stuck s : progress.stuck()) {
            ObjectNode family = stuck.addObject().put("userId", s.user().value());
            if (s.settingsVersion() == RecreateProgress.UNKNOWN_VERSION) {
                family.putNull("settingsVersion");
            } else {
                family.put("settingsVersion", s.settingsVersion());
            }
            RecreateFailures.Audit last = audit.get(s.user());
            if (last != null && last.lastFailure() != null) {
                family.putObject("lastFailure")
                        .put("reason", last.lastFailure().reason().name())
                        .put("message", last.lastFailure().message())
                        .put("at", last.lastFailure().occurredAt().toString());
            }
            if (last != null && last.lastRecreated() != null) {
                family.putObject("lastRecreated")
                        .put("settingsVersion", last.lastRecreated().settingsVersion())
                        .put("at", last.lastRecreated().occurredAt().toString());
            }
        }
        return node;
    }
}
