package dev.hermes.ops.cli;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.admin.DockerClients;
import dev.hermes.admin.FamilyForgetter;
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
                + "and audit it. The family's data (its volume) is kept unless --delete-data.")
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
        try (DockerClient docker = DockerClients.connect(context.env().dockerHost(), 2);
                FamilyForgetter forgetter =
                        FamilyForgetter.connect(docker, kafka.kafka(), kafka.topics(), context.clock(), actor)) {
            FamilyForgetter.Forgotten outcome = forgetter.forget(
                    user, deleteData, fleet != null ? fleet : context.env().get("HERMES_GROUP_ID", "hermes-workers"));
            String container = outcome.containerRemoved() ? "removed" : "absent";
            String data = outcome.dataDeleted() ? "DELETED" : deleteData ? "absent" : "kept";
            if (json.enabled()) {
                JsonOutput.print(
                        JsonOutput.object()
                                .put("userId", user.value())
                                .put("container", container)
                                .put("data", data)
                                .put("tombstonePartition", outcome.partition()),
                        context.out());
            } else {
                context.out()
                        .printf(
                                "%s FORGOTTEN container %s, data %s, tombstone on partition %d%n",
                                user, container, data, outcome.partition());
            }
        }
        return 0;
    }
}
