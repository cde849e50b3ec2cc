package dev.hermes.ops.cli;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.ops.status.Engine;
import dev.hermes.ops.status.FleetStatus;
import java.util.List;
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

    /** The fleet on this host's engine (DOCKER_HOST, named {@code local}), over {@code kafka}'s topics. */
    public FleetStatus status(KafkaOptions kafka, DockerClient docker) {
        return new FleetStatus(
                List.of(new Engine("local", docker)), kafka.kafka(), kafka.topics(), fleet(), context.clock());
    }
}
