package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hermes.worker.config.ImagePull;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageResolverTest {
    private static final String REF = "agent:prod";
    private final FakeDocker docker = new FakeDocker(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));

    private ImageResolver resolver(ImagePull policy) {
        return new ImageResolver(docker, REF, policy, Duration.ofSeconds(5));
    }

    @Test
    void theIdIsTheLocalImagesAndNothingIsPulledWhenItIsThere() {
        docker.tagImage(REF, "sha256:aaa");
        docker.inRegistry(REF, "sha256:zzz");
        ImageResolver resolver = resolver(ImagePull.IF_NOT_PRESENT);

        assertThat(resolver.resolve(true)).as("the first id is no change").isFalse();

        assertThat(resolver.id()).isEqualTo("sha256:aaa");
        assertThat(resolver.reference()).isEqualTo(REF);
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("pull"));
    }

    @Test
    void aNewImageUnderTheTagIsAChangeOnceAndOnlyOnce() {
        docker.tagImage(REF, "sha256:aaa");
        ImageResolver resolver = resolver(ImagePull.NEVER);
        resolver.resolve(true);

        docker.tagImage(REF, "sha256:bbb");

        assertThat(resolver.resolve(false)).isTrue();
        assertThat(resolver.id()).isEqualTo("sha256:bbb");
        assertThat(resolver.resolve(false)).as("looked up again, same id").isFalse();
        assertThat(resolver.resolve(true)).isFalse();
    }

    @Test
    void ifNotPresentPullsAMissingImageButOnlyOnAPeriodicCheck() {
        docker.inRegistry(REF, "sha256:aaa");
        ImageResolver resolver = resolver(ImagePull.IF_NOT_PRESENT);

        resolver.resolve(false);
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("pull"));
        resolver.resolve(true);

        assertThat(docker.calls()).containsOnlyOnce("pull " + REF);
        assertThat(resolver.id()).isEqualTo("sha256:aaa");
    }

    @Test
    void alwaysPullsOnEveryPeriodicCheckAndFindsANewBuildPushedUnderTheTag() {
        docker.tagImage(REF, "sha256:aaa");
        docker.inRegistry(REF, "sha256:aaa");
        ImageResolver resolver = resolver(ImagePull.ALWAYS);
        resolver.resolve(true);
        docker.inRegistry(REF, "sha256:bbb");

        assertThat(resolver.resolve(false)).as("an event only looks again").isFalse();
        assertThat(resolver.resolve(true)).isTrue();

        assertThat(resolver.id()).isEqualTo("sha256:bbb");
        assertThat(docker.calls().stream().filter(call -> call.equals("pull " + REF)))
                .hasSize(2);
    }

    @Test
    void neverPullsAndAMissingImageFailsEnsuresClearly() {
        docker.inRegistry(REF, "sha256:aaa");
        ImageResolver resolver = resolver(ImagePull.NEVER);

        assertThat(resolver.resolve(true)).isFalse();

        assertThat(docker.calls()).noneMatch(call -> call.startsWith("pull"));
        assertThatThrownBy(resolver::id)
                .isInstanceOf(ImageUnavailableException.class)
                .isInstanceOf(SpawnFailedException.class)
                .hasMessageContaining(REF)
                .hasMessageContaining("HERMES_IMAGE_PULL=never");
    }

    @Test
    void aFailedPullKeepsDockersMessageForTheEnsures() {
        ImageResolver resolver = resolver(ImagePull.IF_NOT_PRESENT);

        resolver.resolve(true);

        assertThatThrownBy(resolver::id)
                .isInstanceOf(ImageUnavailableException.class)
                .hasMessageContaining("pull access denied for " + REF);
    }

    @Test
    void aFailedCheckKeepsTheIdTheRunningFleetWasCreatedFrom() {
        docker.tagImage(REF, "sha256:aaa");
        docker.inRegistry(REF, "sha256:aaa");
        ImageResolver resolver = resolver(ImagePull.ALWAYS);
        resolver.resolve(true);
        docker.inRegistry(REF, null); // the registry went away

        assertThat(resolver.resolve(true)).isFalse();

        assertThat(resolver.id()).isEqualTo("sha256:aaa");
    }

    @Test
    void anImageLoadedAfterAFailureIsFoundByTheNextLookUp() {
        ImageResolver resolver = resolver(ImagePull.NEVER);
        resolver.resolve(true);
        docker.tagImage(REF, "sha256:aaa");

        assertThat(resolver.resolve(false)).as("no earlier id: not a rollout").isFalse();

        assertThat(resolver.id()).isEqualTo("sha256:aaa");
    }

    @Test
    void noDockerAtAllIsNeverFatalAndSaysWhy() {
        docker.imageLookUpFailure = new IllegalStateException("java.net.ConnectException: connection refused");
        ImageResolver resolver = resolver(ImagePull.IF_NOT_PRESENT);

        assertThat(resolver.resolve(true)).isFalse();

        assertThatThrownBy(resolver::id)
                .isInstanceOf(ImageUnavailableException.class)
                .hasMessageContaining("connection refused");
    }
}
