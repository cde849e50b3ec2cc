package dev.hermes.worker;

import dev.hermes.worker.docker.hosts.DrainedHosts;
import dev.hermes.worker.lifecycle.AccountRecreator;
import dev.hermes.worker.lifecycle.FleetRecreator;
import dev.hermes.worker.lifecycle.Housekeeping;
import dev.hermes.worker.settings.AccountSink;
import dev.hermes.worker.settings.AccountWatcher;
import dev.hermes.worker.settings.SettingsWatcher;
import dev.hermes.worker.spawn.ImageWatch;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * A step of {@link Wiring#start()}: what changes runtimes from outside a request. The settings topic and version check
 * (a recreate campaign), a new image under the tag (the same campaign), the accounts topic (one family's recreate,
 * retried when it failed), host drains and pending family moves. Each watcher is put first in {@code closeables}, so
 * it stops before the parts it drives.
 */
final class Watchers {
    private Watchers() {}

    static void start(Wiring wiring, Platform platform, RuntimeParts parts, List<AutoCloseable> closeables) {
        WorkerConfig config = wiring.config;
        Housekeeping housekeeping = parts.housekeeping();
        SettingsWatcher settingsWatcher = new SettingsWatcher(
                wiring.kafka(wiring.consumer(
                        Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-settings-" + config.workerId()))),
                config.topics().settings(),
                platform.codec(),
                new FleetRecreator(
                        parts.owned(),
                        parts.ensurer(),
                        platform.settings(),
                        platform.audit(),
                        platform.meters(),
                        config.recreateConcurrency(),
                        parts.freezer(),
                        platform.clock())::recreateStale);
        closeables.add(0, settingsWatcher);
        // a new image under the tag starts the same campaign as a settings change (one at a time, on its thread)
        closeables.add(
                0,
                new ImageWatch(
                                platform.docker(),
                                parts.image(),
                                config.imageCheckInterval(),
                                () -> settingsWatcher.check(null))
                        .start());
        AccountRecreator accountRecreator = new AccountRecreator(
                parts.scope(), parts.lanes(), parts.ensurer(), platform.audit(), config.recreateConcurrency());
        closeables.add(
                0,
                new AccountWatcher(
                        wiring.kafka(wiring.consumer(
                                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "hermes-accounts-" + config.workerId()))),
                        config.topics().accounts(),
                        platform.codec(),
                        AccountSink.of(platform.store()),
                        platform.admission(),
                        accountRecreator::accountChanged));
        // an account recreate that failed (old runtime left serving) is tried again at the settings check's pace
        housekeeping.every(
                "account recreate retry",
                config.settingsPollInterval(),
                config.settingsPollInterval(),
                accountRecreator::retryFailed);
        if (platform.severalHosts()) {
            housekeeping.every(
                    "Docker host drains",
                    DrainedHosts.REFRESH,
                    DrainedHosts.REFRESH,
                    () -> wiring.drained().refresh(platform.drains()));
        }
        // on its own thread: while PostgreSQL is down each read waits out the pool's connection timeout
        Housekeeping moveWatch = new Housekeeping("hermes-move-watcher");
        closeables.add(0, moveWatch);
        moveWatch.every("family moves", config.movePollInterval(), config.movePollInterval(), parts.moves()::poll);
        housekeeping.every(
                "settings version check",
                config.settingsPollInterval(),
                config.settingsPollInterval(),
                () -> settingsWatcher.check(null));
    }
}
