package dev.hermes.worker.fakes;

import dev.hermes.admin.Account;
import dev.hermes.schemas.ApiKeys;
import dev.hermes.schemas.Event;
import dev.hermes.schemas.EventCodec;
import dev.hermes.schemas.Topics;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.LifecycleAudit;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.kafka.EventPublisher;
import dev.hermes.worker.kafka.ReplyRoutes;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.SettingsCache;
import dev.hermes.worker.spawn.AgentImage;
import dev.hermes.worker.spawn.ContainerSpecFactory;
import dev.hermes.worker.spawn.Ensurer;
import dev.hermes.worker.spawn.HealthCheck;
import dev.hermes.worker.spawn.ImageUnavailableException;
import dev.hermes.worker.spawn.RuntimeSpawner;
import dev.hermes.worker.spawn.SpawnGate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One worker's parts on fakes: Docker in memory, settings at a version a test sets, Kafka as two
 * {@link MockProducer}s, and a clock moved by hand. Health answers as {@link #health} says.
 */
public final class FakeFleet {
    public static final String FLEET = "fleet-a";
    public static final String WORKER = "worker-1";
    public static final int REPLY_PARTITIONS = 16;
    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final FakeDocker docker = new FakeDocker(clock);
    public final FixedSettings settingsSource = new FixedSettings(3);
    public final SettingsCache settings = new SettingsCache(settingsSource);
    public final RuntimeRegistry registry = new RuntimeRegistry();
    public final Meters meters = Meters.none();
    public final Topics topics = new Topics("t.");
    public final EventCodec codec = new EventCodec();
    public final MockProducer<byte[], byte[]> producer = mockProducer();
    public final MockProducer<byte[], byte[]> stateProducer = mockProducer();
    /** Replies may go to any non-internal topic; every topic has {@link #REPLY_PARTITIONS} partitions. */
    public final EventPublisher publisher = new EventPublisher(
            producer,
            stateProducer,
            topics,
            codec,
            new ReplyRoutes(
                    List.of("*"),
                    topics,
                    topic -> java.util.concurrent.CompletableFuture.completedFuture(REPLY_PARTITIONS),
                    clock));

    public final LifecycleAudit audit = new LifecycleAudit(publisher, WORKER);
    /** The id HERMES_IMAGE resolves to now (null: none); a test moves it to roll out a new image. */
    public volatile String imageId = "sha256:image-a";

    public final ContainerSpecFactory specs = new ContainerSpecFactory(
            ApiKeys.fromSecret("a-test-secret-of-enough-bytes"),
            new AgentImage() {
                @Override
                public String reference() {
                    return "hermes-agent:test";
                }

                @Override
                public String id() {
                    String now = imageId;
                    if (now == null) {
                        throw new ImageUnavailableException(reference(), "no such image in the Docker engine");
                    }
                    return now;
                }
            },
            Path.of("/plugins"),
            8642,
            "127.0.0.1",
            FLEET,
            Map.of(),
            dev.hermes.worker.docker.RuntimeLimits.defaults());
    public final RuntimeSpawner spawner = new RuntimeSpawner(docker, clock, SpawnGate.fixed(4));
    /** What the health check does; by default the runtime answers after a short wait. */
    public volatile HealthCheck health = (name, url, stillRunning) -> false;

    public final Ensurer ensurer = new Ensurer(
            spawner,
            new HealthCheck() {
                @Override
                public boolean awaitHealthy(String name, String url, java.util.function.BooleanSupplier running) {
                    return health.awaitHealthy(name, url, running);
                }

                @Override
                public boolean answersNow(String url) {
                    return health.answersNow(url);
                }
            },
            specs,
            settings,
            registry,
            meters,
            clock);

    /** New settings saved and seen, as after a SettingsChanged. */
    public void settingsChangedTo(long version) {
        settingsSource.bumpTo(version);
        settings.refresh();
    }

    /** The labels a container of this fleet for {@code user} gets at the current settings. */
    public Map<String, String> labelsFor(UserId user) {
        return specs.specFor(user, settings.refresh(), Account.unknown(user)).labels();
    }

    /** A container of the fleet for {@code user}, made at the given settings version. */
    public FakeDocker.Container existingAtVersion(UserId user, long version, boolean running) {
        Map<String, String> labels = new java.util.HashMap<>(labelsFor(user));
        labels.put(ContainerSpec.LABEL_SETTINGS_VERSION, Long.toString(version));
        if (version != settings.current().version()) {
            labels.put(ContainerSpec.LABEL_CONFIG_HASH, "older");
        }
        return docker.existing(user.containerName(), labels, 8642, running);
    }

    /** The audit events sent so far, in order. */
    public List<Event> audited() {
        return sentTo(topics.events());
    }

    /** The records sent to {@code topic}, decoded, in order. */
    public List<Event> sentTo(String topic) {
        return producer.history().stream()
                .filter(r -> r.topic().equals(topic))
                .map(ProducerRecord::value)
                .map(codec::decode)
                .toList();
    }

    public <T extends Event> List<T> audited(Class<T> type) {
        return audited().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static MockProducer<byte[], byte[]> mockProducer() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
