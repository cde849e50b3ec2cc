package dev.hermes.ops.cli;

import dev.hermes.ops.status.FleetEngines;
import dev.hermes.ops.status.FleetStatus;
import picocli.CommandLine.Option;

/** {@code --fleet}: which fleet (worker consumer group) `status` and `console` show; default HERMES_GROUP_ID. */
public final class FleetOptions {
    private final CliContext context;

    @Option(
            names = "--fleet",
            paramLabel = "<group-id>",
            description = "the fleet (worker consumer group). Default: HERMES_GROUP_ID, else hermes-workers")
    private String fleet;

    public FleetOptions(CliContext context) {
        this.context = context;
    }

    public String fleet() {
        return fleet != null ? fleet : context.env().get("HERMES_GROUP_ID", "hermes-workers");
    }

    /** The fleet's engines: one per host of HERMES_DOCKER_HOSTS, or DOCKER_HOST as the one host {@code local}. */
    public FleetEngines engines(int connectionsEach) {
        return FleetEngines.connect(
                context.env().get("HERMES_DOCKER_HOSTS", ""), context.env().dockerHost(), connectionsEach);
    }

    /** The fleet on {@code engines}, over {@code kafka}'s topics. */
    public FleetStatus status(KafkaOptions kafka, FleetEngines engines) {
        return new FleetStatus(engines.list(), kafka.kafka(), kafka.topics(), fleet(), context.clock());
    }
}
