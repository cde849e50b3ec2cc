package dev.hermes.ops.chaos;

import java.time.Duration;

/**
 * e. The suite's own PostgreSQL server stopped for {@code down}: during a burst of {@code burst} new
 * families (pg_down_burst), or 0.3 s into a settings recreate campaign (pg_down_recreate). Needs the stack
 * on a {@link PrivatePostgres}: the machine's shared server is never stopped.
 */
public record PostgresDown(boolean inRecreate, Duration down, int burst) implements Fault {
    @Override
    public String name() {
        return inRecreate ? "pg_down_recreate" : "pg_down_burst";
    }

    @Override
    public String describe() {
        return "PostgreSQL stopped for " + down.toSeconds() + " s "
                + (inRecreate
                        ? "0.3 s into a settings recreate campaign"
                        : "during a burst of " + burst + " new families");
    }

    @Override
    public Window inject(ScenarioContext context) throws Exception {
        PrivatePostgres postgres = context.stack().privatePostgres();
        long start = System.currentTimeMillis();
        if (inRecreate) {
            long version = context.stack().settingsBump().bump();
            context.say("settings version %d published (recreate campaign)", version);
            Thread.sleep(300);
            postgres.stop();
        } else {
            postgres.stop();
            context.load().burst(burst);
        }
        context.say("PostgreSQL stopped");
        Thread.sleep(Math.max(0, down.toMillis() - (System.currentTimeMillis() - start)));
        postgres.startAgain();
        context.say("PostgreSQL started again");
        return new Window(start, System.currentTimeMillis());
    }
}
