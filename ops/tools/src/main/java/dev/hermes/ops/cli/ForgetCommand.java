package dev.hermes.ops.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.admin.FamilyForgetter;
import dev.hermes.ops.status.FleetEngines;
import dev.hermes.schemas.UserId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `forget <user-id> [--delete-data]`: removes the runtime, tombstones its activity, audits; keeps data unless asked. */
@Command(
        name = "forget",
        sortOptions = false,
        sortSynopsis = false,
        description = "Remove the family's runtime, tombstone its last-active state (so no restore brings it back) "
                + "and audit it. The family's data (its volume) is kept unless --delete-data. With "
                + "HERMES_DOCKER_HOSTS, on whichever Docker host holds them; a host that does not answer makes it "
                + "refuse, unless the family was found on another.")
public final class ForgetCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", description = "the family")
    private UserId user;

    @Option(names = "--delete-data", description = "also delete the family's volume: its data, for good")
    private boolean deleteData;

    @Option(
            names = "--fleet",
            paramLabel = "<group-id>",
            description = "the fleet (worker consumer group) the family's runtime belongs to; forget refuses one of "
                    + "another fleet. Default: HERMES_GROUP_ID, else hermes-workers")
    private String fleet;

    @Mixin
    private JsonOutput json;

    @Mixin
    private KafkaOptions kafka;

    public ForgetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        String actor = "ops-cli:" + System.getProperty("user.name");
        try (FleetEngines engines = FleetEngines.connect(
                        context.env().get("HERMES_DOCKER_HOSTS", ""),
                        context.env().dockerHost(),
                        2);
                FamilyForgetter forgetter = FamilyForgetter.connect(
                        engines.byName(), kafka.kafka(), kafka.topics(), context.clock(), actor)) {
            FamilyForgetter.Forgotten outcome = forgetter.forget(
                    user, deleteData, fleet != null ? fleet : context.env().get("HERMES_GROUP_ID", "hermes-workers"));
            String container = outcome.containerRemoved() ? "removed" : "absent";
            String data = outcome.dataDeleted() ? "DELETED" : deleteData ? "absent" : "kept";
            if (json.enabled()) {
                ObjectNode document = JsonOutput.object()
                        .put("userId", user.value())
                        .put("container", container)
                        .put("data", data)
                        .put("tombstonePartition", outcome.partition());
                outcome.foundOn().forEach(document.putArray("foundOn")::add);
                outcome.unreachable().forEach(document.putArray("unreachable")::add);
                JsonOutput.print(document, context.out());
            } else {
                context.out()
                        .printf(
                                "%s FORGOTTEN container %s, data %s, tombstone on partition %d%s%n",
                                user,
                                container,
                                data,
                                outcome.partition(),
                                engines.list().size() < 2 || outcome.foundOn().isEmpty()
                                        ? ""
                                        : ", on host " + String.join(", ", outcome.foundOn()));
                if (!outcome.unreachable().isEmpty()) {
                    context.err()
                            .println("note: Docker host " + String.join(", ", outcome.unreachable())
                                    + " did not answer; the family was found on "
                                    + String.join(", ", outcome.foundOn()));
                }
            }
        }
        return 0;
    }
}
