package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.ops.status.FleetEngines;
import dev.hermes.ops.status.RuntimeState;
import dev.hermes.ops.status.RuntimeStatus;
import dev.hermes.ops.status.StatusFilter;
import dev.hermes.ops.status.StatusPrinter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `status [--user ID] [--state S] [--json]`: one line per runtime of the fleet (see {@link dev.hermes.ops.status.FleetStatus}). */
@Command(
        name = "status",
        sortOptions = false,
        sortSynopsis = false,
        description = "One line per runtime of the fleet: family, state (running, paused, stopped, failed), host, "
                + "owning worker, last active, settings version, uptime and last failure. Read from the Docker "
                + "engine, the last-active topic, the events topic and the workers' consumer group; writes nothing.")
public final class StatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--user", paramLabel = "ID", description = "only families whose id contains ID")
    private String user;

    @Option(
            names = "--state",
            paramLabel = "S",
            converter = Converters.RuntimeStates.class,
            description = "only runtimes in state S: running, paused, stopped or failed")
    private RuntimeState state;

    @Mixin
    private FleetOptions fleet;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        try (FleetEngines engines = fleet.engines(2)) {
            List<RuntimeStatus> lines = new StatusFilter(user, state)
                    .apply(fleet.status(kafka, engines).read());
            if (json.enabled()) {
                JsonOutput.print(StatusPrinter.json(lines, new ObjectMapper()), context.out());
            } else {
                StatusPrinter.text(lines, context.out());
            }
        }
        return 0;
    }
}
