package dev.hermes.ops.cli;

import dev.hermes.admin.Database;
import dev.hermes.admin.HostDrains;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `hosts drain NAME`: the host gets no new families from the next drain read on (within 5 s). */
@Command(
        name = "drain",
        description = "Give the Docker host no new families (its own families stay and are served there). Workers "
                + "see it within 5 s.")
public final class HostsDrainCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "the host's name in HERMES_DOCKER_HOSTS")
    private String host;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public HostsDrainCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String by = context.env().get("HERMES_ADMIN", System.getProperty("user.name", "admin"));
        boolean drained;
        try (Database db = pg.open()) {
            drained = new HostDrains(db.jdbi()).drain(host, context.clock().instant(), by);
        }
        HostsCommand.printChange(
                context,
                json,
                host,
                "draining",
                drained,
                drained ? " DRAINING: no new families" : " was draining already");
        return 0;
    }
}
