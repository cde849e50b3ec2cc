package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hermes.admin.Database;
import dev.hermes.admin.FamilyMoves;
import dev.hermes.admin.HostDrains;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * `hosts list`: each host named in HERMES_DOCKER_HOSTS (and each drained one), open or draining, and how many moves
 * off it are pending.
 */
@Command(
        name = "list",
        description = "Each Docker host of HERMES_DOCKER_HOSTS and each drained host: open or draining, and how many "
                + "moves off it are pending.")
public final class HostsListCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    private JsonOutput json;

    @Mixin
    private PgOptions pg;

    public HostsListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Map<String, HostDrains.Drain> hosts = new LinkedHashMap<>();
        Map<String, Long> pending;
        configuredNames(context.env().get("HERMES_DOCKER_HOSTS", "")).forEach(name -> hosts.put(name, null));
        try (Database db = pg.open()) {
            new HostDrains(db.jdbi()).all().forEach(drain -> hosts.put(drain.host(), drain));
            pending = new FamilyMoves(db.jdbi())
                    .pending().stream()
                            .collect(Collectors.groupingBy(FamilyMoves.Move::fromHost, Collectors.counting()));
        }
        pending.keySet().forEach(name -> hosts.putIfAbsent(name, null));
        if (json.enabled()) {
            ArrayNode array = JsonOutput.object().arrayNode();
            hosts.forEach((name, drain) -> array.add(JsonOutput.object()
                    .put("name", name)
                    .put("state", drain == null ? "open" : "draining")
                    .put("drainedAt", drain == null ? null : drain.drainedAt().toString())
                    .put("drainedBy", drain == null ? null : drain.drainedBy())
                    .put("pendingMoves", pending.getOrDefault(name, 0L))));
            JsonOutput.print(array, context.out());
        } else if (hosts.isEmpty()) {
            context.out().println("one host, local (HERMES_DOCKER_HOSTS is not set)");
        } else {
            hosts.forEach((name, drain) -> context.out()
                    .println((drain == null
                                    ? String.format("%-16s open", name)
                                    : String.format(
                                            "%-16s draining since %s by %s",
                                            name, drain.drainedAt(), drain.drainedBy()))
                            + (pending.containsKey(name) ? ", " + pending.get(name) + " moves pending off it" : "")));
        }
        return 0;
    }

    /** The names in {@code name=endpoint@address/capacity,...} (the worker validates the rest). */
    static java.util.List<String> configuredNames(String hosts) {
        return Arrays.stream(hosts.split(","))
                .map(String::trim)
                .filter(entry -> entry.indexOf('=') > 0)
                .map(entry -> entry.substring(0, entry.indexOf('=')).trim())
                .toList();
    }
}
