package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;

import java.time.Duration;
import java.util.List;

/** What a worker accepts from callers: stale requests, reply topics and admission. Part of {@link WorkerSettings}. */
public final class RequestSettings {
    public static final Setting<Duration> STALE_REQUEST = seconds(
            "HERMES_STALE_REQUEST_SEC",
            60,
            "a request whose deadline passed longer ago starts no runtime (replays, group resets) and is audited "
                    + "as RuntimeFailed `DEADLINE_PASSED`; an older heartbeat starts none either");

    public static final Setting<List<String>> REPLY_TOPICS = new Setting<>(
            "HERMES_REPLY_TOPICS",
            new TopicPatternsType(),
            List::of,
            "`<prefix>runtime.replies`",
            "topics replies may go to (never an internal hermes topic); a reply elsewhere goes to the DLQ");

    public static final Setting<Admission> ADMISSION = define(
            "HERMES_ADMISSION",
            SettingTypes.admission(),
            Admission.ANY,
            "`known-accounts`: a family without an account (AccountUpdated, `ops/hermes account set`) gets RuntimeFailed "
                    + "`UNKNOWN_FAMILY` and no container or volume; its heartbeats start nothing");

    private RequestSettings() {}
}
