package dev.hermes.ops.cli;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.Database;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.DockerHost;
import dev.hermes.admin.DockerHosts;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.admin.HostDrains;
import dev.hermes.ops.move.MoveCandidates;
import dev.hermes.ops.move.MoveWait;
import dev.hermes.schemas.HermesException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `hosts move NAME`: asks the owning workers to move the volumes of the fleet's stopped families on NAME to other
 * hosts (rows of family_moves), then waits for their answers.
 */
@Command(
        name = "move",
        sortOptions = false,
        description = "Move the volumes of the fleet's stopped families on the Docker host NAME to other hosts, oldest "
                + "stop first. Each family's owning worker moves it in the family's lane and answers MOVED or FAILED. "
                + "Running and paused families are skipped: they move once stopped (ops/hermes has no stop command; "
                + "the workers stop idle runtimes). Drain the host first, or new families still land there.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every move asked for was MOVED (or, with --no-wait, asked for; or nothing to move)",
            "1:a move FAILED, or the command failed",
            "2:the command line was wrong (such as a host HERMES_DOCKER_HOSTS does not name)",
            "3:no move failed but some were still PENDING at --wait-timeout"
        })
public final class HostsMoveCommand implements Callable<Integer> {
    static final Duration POLL = Duration.ofSeconds(1);
    private final CliContext context;

    @Parameters(paramLabel = "NAME", description = "the host's name in HERMES_DOCKER_HOSTS")
    private String host;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "ask for at most N moves (default: every stopped family)")
    private Integer limit;

    @Option(
            names = "--wait-timeout",
            paramLabel = "D",
            description = "how long to wait for the workers' answers: 30s, 5m, 1h (default: 5m)")
    private Duration timeout = Duration.ofMinutes(5);

    @Option(names = "--no-wait", description = "ask for the moves and exit (follow them with `hosts list`)")
    private boolean noWait;

    @Mixin
    private FleetOptions fleet;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public HostsMoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (limit != null && limit < 1) {
            throw new UsageException("--limit must be 1 or more");
        }
        DockerHost source = source(DockerHosts.parse(context.env().get("HERMES_DOCKER_HOSTS", "")), host);
        String by = "ops-cli:" + System.getProperty("user.name", "admin");
        try (Database db = pg.open()) {
            FamilyMoves moves = new FamilyMoves(db.jdbi());
            boolean drained = new HostDrains(db.jdbi()).hosts().contains(host);
            if (!drained) {
                context.err()
                        .println("hint: " + host + " is not drained, so new families still land there: "
                                + "run `ops/hermes hosts drain " + host + "` first");
            }
            MoveCandidates.Listing listing = list(source);
            List<MoveCandidates.Stopped> chosen =
                    limit == null || listing.stopped().size() <= limit
                            ? listing.stopped()
                            : listing.stopped().subList(0, limit);
            HostsMoveReport report = new HostsMoveReport(context, json, host, fleet.fleet(), drained, listing, chosen);
            Instant at = context.clock().instant();
            for (MoveCandidates.Stopped family : chosen) {
                report.requested(family, moves.request(family.user().value(), host, at, by));
            }
            report.skipped();
            List<String> users = chosen.stream().map(s -> s.user().value()).toList();
            boolean wait = !noWait && !users.isEmpty();
            List<FamilyMoves.Move> outcome;
            if (wait) {
                report.waiting(timeout);
                outcome = new MoveWait(moves::of, context.clock(), POLL).await(users, timeout, report::finished);
            } else {
                outcome = moves.of(users);
            }
            return report.summary(outcome, wait);
        }
    }

    private MoveCandidates.Listing list(DockerHost source) {
        try (DockerClient docker = DockerClients.connect(source.endpoint(), 2)) {
            return new MoveCandidates(docker, fleet.fleet()).list();
        } catch (IOException e) {
            throw new HermesException("closing the Docker client of " + source.name(), e);
        }
    }

    /** The host named {@code name}, when there is somewhere to move to. */
    static DockerHost source(List<DockerHost> hosts, String name) {
        if (hosts.size() < 2) {
            throw new HermesException("moves need two or more Docker hosts, and HERMES_DOCKER_HOSTS "
                    + (hosts.isEmpty()
                            ? "is not set (one engine)"
                            : "names one, " + hosts.get(0).name()));
        }
        return hosts.stream()
                .filter(h -> h.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new UsageException("unknown host '" + name + "': HERMES_DOCKER_HOSTS names "
                        + String.join(", ", hosts.stream().map(DockerHost::name).toList())));
    }
}
