package dev.hermes.ops.cli;

import dev.hermes.client.ApiKeys;
import dev.hermes.schemas.UserId;
import java.io.PrintStream;
import java.util.List;

/** `api-key <user-id>`: prints the family's derived API_SERVER_KEY (to stdout only, never logged). */
public final class ApiKeyCommand implements Command {
    @Override
    public String name() {
        return "api-key";
    }

    @Override
    public String usage() {
        return "api-key <user-id>";
    }

    @Override
    public int run(List<String> args, CliEnv env, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            throw new UsageException("give exactly one user id");
        }
        out.println(ApiKeys.fromSecret(env.apiKeySecret()).keyFor(UserId.of(args.get(0))));
        return 0;
    }
}
