package dev.hermes.worker.settings;

import java.util.UUID;

/** What {@link SettingsWatcher} starts when settings may have changed: bring the owned runtimes up to date. */
@FunctionalInterface
public interface SettingsCampaign {
    /** Returns how many runtimes it changed. */
    int run(UUID causationId) throws InterruptedException;
}
