package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.worker.config.ImagePull;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImageWatchTest {
    private static final String REF = "agent:prod";
    private final FakeDocker docker = new FakeDocker(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    private final ImageResolver resolver = new ImageResolver(docker, REF, ImagePull.NEVER, Duration.ofSeconds(5));
    private final AtomicInteger rollouts = new AtomicInteger();
    private ImageWatch watch;

    @AfterEach
    void close() {
        if (watch != null) {
            watch.close();
        }
    }

    @Test
    void anImageEventStartsTheRolloutWithoutWaitingForThePeriodicCheck() {
        docker.tagImage(REF, "sha256:aaa");
        resolver.resolve(true);
        watch = new ImageWatch(docker, resolver, Duration.ofHours(1), rollouts::incrementAndGet).start();
        await().atMost(Duration.ofSeconds(5)).until(docker::followingImages);

        docker.tagImage(REF, "sha256:bbb");

        await().atMost(Duration.ofSeconds(5)).until(() -> rollouts.get() == 1);
        assertThat(resolver.id()).isEqualTo("sha256:bbb");
        docker.tagImage("another:tag", "sha256:ccc"); // an event about another image changes nothing
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rollouts.get() == 1);
    }

    @Test
    void thePeriodicCheckFindsANewIdWhenNoEventCame() {
        docker.tagImage(REF, "sha256:aaa");
        resolver.resolve(true);
        watch = new ImageWatch(docker, resolver, Duration.ofMillis(50), rollouts::incrementAndGet).start();
        await().atMost(Duration.ofSeconds(5)).until(docker::followingImages);

        docker.tagImageQuietly(REF, "sha256:bbb");

        await().atMost(Duration.ofSeconds(5)).until(() -> rollouts.get() == 1);
        assertThat(resolver.id()).isEqualTo("sha256:bbb");
    }
}
