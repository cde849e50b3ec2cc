package dev.hermes.worker.config;

import static dev.hermes.worker.config.Definitions.define;
import static dev.hermes.worker.config.Definitions.seconds;
import static dev.hermes.worker.config.SettingTypes.text;

import dev.hermes.admin.DockerHost;
import java.time.Duration;
import java.util.List;

/** The Docker engines: where they are, how long to wait for them, the image and the capacity bound. Part of {@link WorkerSettings}. */
public final class DockerSettings {
    public static final Setting<String> DOCKER_HOST =
            define("DOCKER_HOST", text(), "unix:///var/run/docker.sock", "Docker engine");

    public static final Setting<List<DockerHost>> DOCKER_HOSTS = new Setting<>(
            "HERMES_DOCKER_HOSTS",
            SettingTypes.dockerHosts(),
            List::of,
            "one host, `local`",
            "the Docker engines runtimes are placed on, e.g. "
                    + "`a=unix:///var/run/docker.sock@127.0.0.1/200,b=tcp://10.0.0.2:2376@10.0.0.2/200`; each "
                    + "family stays on the host of its volume, a new one goes to the host with the most free capacity "
                    + "(see [Several Docker engines](#several-docker-engines))");

    public static final Setting<Duration> DOCKER_WAIT = seconds(
            "HERMES_DOCKER_WAIT_SEC",
            30,
            "the longest a cold ensure waits for an unreachable Docker to answer again (also bounded by the "
                    + "request's deadline less 1 s) before it is answered RuntimeFailed `HOST_UNAVAILABLE`; see "
                    + "[Docker outages](#docker-outages)");

    public static final Setting<ImagePull> IMAGE_PULL = define(
            "HERMES_IMAGE_PULL",
            SettingTypes.imagePull(),
            ImagePull.IF_NOT_PRESENT,
            "when to pull `HERMES_IMAGE`: `if-not-present` (only when the engine lacks it), `always` (at start and "
                    + "every image check) or `never` (a locally built image, such as the stand-in); a failed pull "
                    + "fails ensures with `SPAWN_ERROR` until the image is there");

    public static final Setting<Duration> IMAGE_CHECK = seconds(
            "HERMES_IMAGE_CHECK_SEC",
            60,
            "how often the image reference is resolved to its id again (besides on Docker image events); a new id "
                    + "recreates the running runtimes (see [Operations](#operations))");

    public static final Setting<Duration> IMAGE_PULL_TIMEOUT =
            seconds("HERMES_IMAGE_PULL_TIMEOUT_SEC", 600, "a pull that takes longer fails");

    public static final Setting<Integer> MAX_RUNTIMES = define(
            "HERMES_MAX_RUNTIMES",
            SettingTypes.autoOrPositive(),
            0,
            "running runtimes on this Docker engine, every fleet's counted (memory is the host's); `auto`: the engine's "
                    + "memory x 0.9 / `HERMES_RUNTIME_MEMORY_MB`, at least 1 (logged at start). At the bound a cold "
                    + "start evicts the least recently active idle runtime or is answered RuntimeFailed `CAPACITY`; see "
                    + "[Capacity](#capacity)");

    public static final Setting<Duration> EVICT_MIN_IDLE = seconds(
            "HERMES_EVICT_MIN_IDLE_SEC",
            300,
            "a runtime idle this long may be stopped (`EVICTED`, volume kept) to make room at `HERMES_MAX_RUNTIMES`; "
                    + "5 min: longer than a conversation's pauses (and 10 heartbeats of a paired device), far shorter "
                    + "than `RUNTIME_IDLE_SEC`, so a full engine turns over before anyone waits long");

    public static final Setting<Duration> MOVE_POLL = seconds(
            "HERMES_MOVE_POLL_SEC",
            2,
            "how often a worker reads the pending family moves (`ops/hermes hosts move`) and starts those of the "
                    + "families it owns (see [Moving families off a host](#moving-families-off-a-host))");

    public static final Setting<Duration> MOVE_EXPIRE = seconds(
            "HERMES_MOVE_EXPIRE_SEC",
            3600,
            "a family move still PENDING this long after it was asked for is finished FAILED `EXPIRED` at its next "
                    + "try (a host that never answers again no longer holds it forever; the family stays where it is)");

    private DockerSettings() {}
}
