package dev.hermes.ops.cli;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.reaper.Forgetter;
import dev.hermes.worker.reply.EventPublisher;
import dev.hermes.worker.spawn.DockerClients;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** `forget <user-id> [--delete-data]`: removes the runtime, tombstones its activity, audits; keeps data unless asked. */
public final class ForgetCommand implements Command {
    @Override
    public String name() {
        return "forget";
    }

    @Override
    public String usage() {
        return "forget <user-id> [--delete-data]";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) throws Exception {
        boolean deleteData = args.contains("--delete-data");
        List<String> ids = args.stream().filter(a -> !a.equals("--delete-data")).toList();
        if (ids.size() != 1 || ids.get(0).startsWith("--")) {
            throw new UsageException("give exactly one user id");
        }
        UserId user = UserId.of(ids.get(0));
        try (DockerClient docker = DockerClients.connect(env.dockerHost(), 2);
             EventPublisher publisher = new EventPublisher(env.bootstrapServers(), "ops-cli", env.topics(),
                     new EventCodec())) {
            Forgetter.Outcome outcome = new Forgetter(docker, publisher, env.topics(), Clock.systemUTC(),
                    "ops-cli:" + System.getProperty("user.name")).forget(user, deleteData);
            out.printf("%s FORGOTTEN container %s, data %s, tombstone on partition %d%n", user,
                    outcome.containerRemoved() ? "removed" : "absent",
                    outcome.dataDeleted() ? "DELETED" : deleteData ? "absent" : "kept", outcome.partition());
        }
        return 0;
    }
}
