package dev.hermes.ops.cli;

import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.UserId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** `api-key <user-id>`: prints the family's derived API_SERVER_KEY (to stdout only, never logged). */
@Command(
        name = "api-key",
        description = "Print the family's API_SERVER_KEY, derived from $HERMES_API_KEY_SECRET "
                + "(or the file in $HERMES_API_KEY_SECRET_FILE). Only to stdout, never logged.")
public final class ApiKeyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<user-id>", description = "the family")
    private UserId user;

    @Mixin
    private JsonOutput json;

    public ApiKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String key = ApiKeys.fromSecret(context.env().apiKeySecret()).keyFor(user);
        if (json.enabled()) {
            JsonOutput.print(JsonOutput.object().put("userId", user.value()).put("apiKey", key), context.out());
        } else {
            context.out().println(key);
        }
        return 0;
    }
}
