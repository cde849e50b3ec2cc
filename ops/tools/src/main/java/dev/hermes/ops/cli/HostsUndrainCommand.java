package dev.hermes.ops.cli;

import dev.hermes.admin.Database;
import dev.hermes.admin.HostDrains;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `hosts undrain NAME`: the host takes new families again. */
@Command(name = "undrain", description = "Let the Docker host take new families again. Workers see it within 5 s.")
public final class HostsUndrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "the host's name in HERMES_DOCKER_HOSTS")
    private String host;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public HostsUndrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean undrained;
        try (Database db = pg.open()) {
            undrained = new HostDrains(db.jdbi()).undrain(host);
        }
        HostsCommand.printChange(
                context,
                json,
                host,
                "open",
                undrained,
                undrained ? " OPEN: takes new families again" : " was not draining");
        return 0;
    }
}
