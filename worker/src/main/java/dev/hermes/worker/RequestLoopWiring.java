package dev.hermes.worker;

import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.activity.ActivityTracker;
import dev.hermes.worker.activity.StateRestorer;
import dev.hermes.worker.consumer.RequestLoop;
import dev.hermes.worker.docker.DockerOutage;
import dev.hermes.worker.requests.DockerWait;
import dev.hermes.worker.requests.FamilyHostOutage;
import dev.hermes.worker.requests.OwnedState;
import dev.hermes.worker.requests.Responder;
import java.util.function.Function;

/**
 * The part of {@link Wiring} that builds the request loop: its consumer, the responder and how long a cold ensure
 * waits for Docker, and the state a gained partition restores.
 */
final class RequestLoopWiring {
    private final Wiring wiring;
    private final WorkerConfig config;

    RequestLoopWiring(Wiring wiring) {
        this.wiring = wiring;
        this.config = wiring.config;
    }

    RequestLoop requestLoop(Platform platform, RuntimeParts parts) {
        return new RequestLoop(
                wiring.kafka(wiring.consumer(wiring.requestConsumerProps())),
                config.topics().requests(),
                platform.codec(),
                parts.lanes(),
                new Responder(
                        parts.ensurer(),
                        platform.publisher(),
                        platform.audit(),
                        parts.activity(),
                        platform.meters(),
                        platform.clock(),
                        config.workerId(),
                        config.staleRequestAfter(),
                        dockerWait(platform, parts)),
                platform.publisher(),
                new OwnedState(
                        restorer(platform.codec(), parts.activity()),
                        parts.activity(),
                        platform.registry(),
                        () -> parts.housekeeping().once("warm set reconcile", () -> {
                            parts.reconciler().reconcile();
                            parts.pausedRestorer().restore();
                        }),
                        parts.moves()),
                platform.meters(),
                config.partitionBufferLimit(),
                config.revokeTimeout(),
                config.workerId());
    }

    /** How long a cold ensure waits for Docker: the one engine's outage, or with several the family's host's. */
    private DockerWait dockerWait(Platform platform, RuntimeParts parts) {
        Function<UserId, DockerOutage> outageOf = platform.severalHosts()
                ? new FamilyHostOutage(
                        platform.engines(), platform.docker(), parts.activity()::lastHost, platform.clock())
                : user -> platform.dockerOutage();
        return DockerWait.of(
                outageOf, platform.clock(), config.dockerWait(), config.workerThreads(), platform.registry());
    }

    private StateRestorer restorer(EventCodec codec, ActivityTracker activity) {
        return new StateRestorer(
                () -> wiring.consumer(KafkaClientProperties.restore(config)),
                config.topics().lastActive(),
                codec,
                activity);
    }
}
