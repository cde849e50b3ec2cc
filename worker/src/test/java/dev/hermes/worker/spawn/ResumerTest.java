package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.StopReason;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.audit.RuntimeFact;
import dev.hermes.worker.docker.ContainerSpec;
import dev.hermes.worker.fakes.FakeDocker;
import dev.hermes.worker.fakes.FixedSettings;
import dev.hermes.worker.fakes.MutableClock;
import dev.hermes.worker.metrics.Meters;
import dev.hermes.worker.runtime.PausedRuntime;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import dev.hermes.worker.settings.SettingsCache;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResumerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FakeDocker docker = new FakeDocker(clock);
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final FixedSettings source = new FixedSettings(3);
    private final SettingsCache settings = new SettingsCache(source);
    private final UserId user = UserId.random();
    private final List<RuntimeFact> facts = new ArrayList<>();

    private Runtime pausedRuntime(long settingsVersion) {
        FakeDocker.Container c =
                docker.existing(user.containerName(), Map.of(ContainerSpec.LABEL_MANAGED, "true"), 8642, true);
        c.paused = true;
        Runtime runtime = Runtime.of(user, c.id, "http://127.0.0.1:" + c.hostPort, settingsVersion, clock.instant());
        registry.restorePaused(new PausedRuntime(runtime, clock.instant()));
        clock.advance(Duration.ofMinutes(40));
        return runtime;
    }

    private Resumer resumer(HealthCheck health) {
        settings.refresh();
        return new Resumer(docker, health, registry, settings, Meters.none(), clock);
    }

    @Test
    void aPausedRuntimeIsUnpausedHealthCheckedAndWarmAgain() {
        Runtime runtime = pausedRuntime(3);

        var outcome = resumer((name, url, running) -> true).resume(user, null, facts);

        assertThat(outcome).isPresent();
        assertThat(outcome.get().cold()).isFalse();
        assertThat(registry.find(user)).isEqualTo(runtime);
        assertThat(registry.findPaused(user)).isNull();
        assertThat(docker.container(user.containerName()).orElseThrow().paused).isFalse();
        assertThat(facts).singleElement().isInstanceOfSatisfying(RuntimeFact.Resumed.class, r -> {
            assertThat(r.pausedFor()).isEqualTo(Duration.ofMinutes(40));
            assertThat(r.correlationId()).isNull();
        });
    }

    /** A check whose request sent ahead answers as the fake thaws, and which fails if it is polled instead. */
    private HealthCheck answeringAhead(java.util.concurrent.atomic.AtomicInteger polls) {
        return new HealthCheck() {
            @Override
            public boolean awaitHealthy(String name, String url, java.util.function.BooleanSupplier running) {
                polls.incrementAndGet();
                return true;
            }

            @Override
            public java.util.concurrent.CompletableFuture<Boolean> askAhead(String url) {
                return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    org.awaitility.Awaitility.await()
                            .atMost(Duration.ofSeconds(5))
                            .until(() -> !docker.container(user.containerName()).orElseThrow().paused);
                    return true;
                });
            }
        };
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void theAgentsFirstAnswerToARequestSentAheadEndsTheResumeBeforeDockerRepliesToTheUnpause() {
        Runtime runtime = pausedRuntime(3);
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();
        docker.unpauseReply = new java.util.concurrent.CountDownLatch(1);
        try {
            var outcome = resumer(answeringAhead(polls)).resume(user, null, facts);

            assertThat(outcome).isPresent();
            assertThat(registry.find(user)).isEqualTo(runtime);
            assertThat(polls).as("no poll after the early answer").hasValue(0);
        } finally {
            docker.unpauseReply.countDown();
        }
    }

    @Test
    void withoutAnEarlyAnswerTheResumePollsOnceTheUnpauseReturned() {
        pausedRuntime(3);
        java.util.concurrent.atomic.AtomicInteger polls = new java.util.concurrent.atomic.AtomicInteger();

        var outcome =
                resumer((name, url, running) -> polls.incrementAndGet() > 0).resume(user, null, facts);

        assertThat(outcome).isPresent();
        assertThat(polls).hasValue(1);
        assertThat(docker.calls())
                .contains("unpause " + docker.container(user.containerName()).orElseThrow().id);
    }

    @Test
    void aResumeThatTimesOutRemovesTheContainerSoTheColdPathAnswers() {
        pausedRuntime(3);

        var outcome = resumer((name, url, running) -> {
                    throw new HealthTimeoutException(name, Duration.ofSeconds(1), "no answer");
                })
                .resume(user, null, facts);

        assertThat(outcome).isEmpty();
        assertThat(docker.container(user.containerName())).isEmpty();
        assertThat(registry.find(user)).isNull();
        assertThat(facts).singleElement().isInstanceOfSatisfying(RuntimeFact.Stopped.class, s -> {
            assertThat(s.reason()).isEqualTo(StopReason.HEALTH_TIMEOUT);
            assertThat(s.removed()).isTrue();
        });
    }

    @Test
    void aPausedRuntimeOnAnOlderSettingsVersionIsRemovedNotWoken() {
        pausedRuntime(2);

        var outcome = resumer((name, url, running) -> true).resume(user, null, facts);

        assertThat(outcome).isEmpty();
        assertThat(docker.calls()).noneMatch(call -> call.startsWith("unpause"));
        assertThat(docker.container(user.containerName())).isEmpty();
        assertThat(facts)
                .singleElement()
                .isInstanceOfSatisfying(
                        RuntimeFact.Stopped.class, s -> assertThat(s.reason()).isEqualTo(StopReason.SETTINGS_RECREATE));
    }

    @Test
    void aRuntimeThawedByAnExternalUnpauseIsOnlyHealthChecked() {
        Runtime runtime = pausedRuntime(3);
        docker.container(user.containerName()).orElseThrow().paused = false;

        var outcome = resumer((name, url, running) -> true).resume(user, null, facts);

        assertThat(outcome).isPresent();
        assertThat(registry.find(user)).isEqualTo(runtime);
    }

    @Test
    void aFamilyWithNoPausedRuntimeIsLeftToTheUsualPath() {
        assertThat(resumer((name, url, running) -> true).resume(user, null, facts))
                .isEmpty();
        assertThat(docker.calls()).isEmpty();
    }
}
