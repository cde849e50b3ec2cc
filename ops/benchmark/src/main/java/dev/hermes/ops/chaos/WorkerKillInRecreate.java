package dev.hermes.ops.chaos;

import java.time.Duration;

/**
 * c. A settings recreate campaign (a new settings version and SettingsChanged, as `ops/hermes settings set`
 * does), and {@code after} into it a worker SIGKILLed; a replacement worker is started at once, as an
 * orchestrator would. The fault ends when the replacement is ready.
 */
public record WorkerKillInRecreate(Duration after) implements Fault {
    @Override
    public String name() {
        return "worker_kill_recreate";
    }

    @Override
    public String describe() {
        return "settings recreate campaign, a worker SIGKILLed " + after.toMillis() + " ms into it";
    }

    @Override
    public Window inject(ScenarioContext context) throws Exception {
        long start = System.currentTimeMillis();
        long version = context.stack().settingsBump().bump();
        context.say("settings version %d published (recreate campaign)", version);
        Thread.sleep(after.toMillis());
        ChaosWorker victim = context.stack().workers().stream()
                .filter(ChaosWorker::alive)
                .findFirst()
                .orElseThrow();
        victim.sigkill();
        context.say("worker %s killed with SIGKILL", victim.id());
        context.stack().startWorker().awaitReady(Duration.ofSeconds(90));
        context.say("replacement worker ready");
        return new Window(start, System.currentTimeMillis());
    }
}
