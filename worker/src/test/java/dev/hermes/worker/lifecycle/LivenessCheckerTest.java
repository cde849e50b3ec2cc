package dev.hermes.worker.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import dev.hermes.worker.runtime.Runtime;
import dev.hermes.worker.runtime.RuntimeRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LivenessCheckerTest {
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final List<String> probed = new CopyOnWriteArrayList<>();
    private final Set<String> hung = ConcurrentHashMap.newKeySet();
    private final Map<String, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
    private final List<Runtime> unhealthy = new CopyOnWriteArrayList<>();
    private boolean answerLater;
    private final LivenessProbe probe = url -> {
        probed.add(url);
        if (answerLater) {
            return pending.computeIfAbsent(url, u -> new CompletableFuture<>());
        }
        return CompletableFuture.completedFuture(!hung.contains(url));
    };
    private final LivenessChecker checker = new LivenessChecker(registry, probe, 3, unhealthy::add);
    private int nextPort = 40000;

    private Runtime warm(UserId user) {
        int port = nextPort++;
        Runtime runtime = Runtime.of(user, "c" + port, "http://127.0.0.1:" + port, 1, Instant.EPOCH);
        registry.put(runtime);
        return runtime;
    }

    private void oneInterval() {
        for (int i = 0; i < LivenessChecker.SLOTS; i++) {
            checker.tick();
        }
    }

    @Test
    void everyRuntimeIsCheckedOncePerIntervalAndTheChecksAreSpreadOverIt() {
        List<Runtime> runtimes = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            runtimes.add(warm(UserId.random()));
        }
        List<Integer> perTick = new ArrayList<>();
        for (int i = 0; i < LivenessChecker.SLOTS; i++) {
            perTick.add(checker.tick());
        }

        Map<String, Integer> times = new HashMap<>();
        probed.forEach(url -> times.merge(url, 1, Integer::sum));
        assertThat(times).hasSize(600).allSatisfy((url, n) -> assertThat(n).isEqualTo(1));
        // 600 / 30 = 20 a tick on average: no tick takes a large share of the interval's checks
        assertThat(perTick).allSatisfy(n -> assertThat(n).isLessThan(60));
        assertThat(perTick.stream().filter(n -> n > 0).count()).isGreaterThan(LivenessChecker.SLOTS - 3);
    }

    @Test
    void hungAgentsHoldAtMostTheBoundOfChecksInFlightAndTheRestAreCheckedOnceTheyAnswer() {
        answerLater = true;
        for (int i = 0; i < 30 * LivenessChecker.MAX_IN_FLIGHT; i++) {
            warm(UserId.random());
        }

        oneInterval();
        assertThat(pending).hasSize(LivenessChecker.MAX_IN_FLIGHT);

        pending.values().forEach(answer -> answer.complete(true));
        pending.clear();
        checker.tick();
        assertThat(pending).isNotEmpty().hasSizeLessThanOrEqualTo(LivenessChecker.MAX_IN_FLIGHT);
    }

    @Test
    void aRuntimeLeavesTheWarmSetAfterTheConfiguredFailuresInARowOnly() {
        Runtime sick = warm(UserId.random());
        Runtime fine = warm(UserId.random());
        hung.add(sick.url());

        oneInterval();
        oneInterval();
        assertThat(registry.find(sick.userId())).as("2 failures of 3").isEqualTo(sick);
        assertThat(checker.failuresOf(sick.containerId())).isEqualTo(2);

        hung.remove(sick.url());
        oneInterval();
        assertThat(checker.failuresOf(sick.containerId()))
                .as("a success resets the count")
                .isZero();

        hung.add(sick.url());
        oneInterval();
        oneInterval();
        assertThat(registry.find(sick.userId())).isEqualTo(sick);
        oneInterval();

        assertThat(registry.find(sick.userId()))
                .as("out of the warm set at once")
                .isNull();
        assertThat(registry.takeUnhealthy(sick.userId())).isEqualTo(sick);
        assertThat(unhealthy).containsExactly(sick);
        assertThat(registry.find(fine.userId())).isEqualTo(fine);
    }

    @Test
    void aRuntimeReplacedWhileItWasCheckedIsLeftAlone() {
        UserId user = UserId.random();
        Runtime old = warm(user);
        hung.add(old.url());
        oneInterval();
        oneInterval();
        answerLater = true;
        oneInterval(); // the third check of the old container is in flight
        Runtime recreated = warm(user); // meanwhile a recreate on the lane put a new container in its place

        pending.remove(old.url()).complete(false);

        assertThat(registry.find(user)).isEqualTo(recreated);
        assertThat(registry.takeUnhealthy(user)).isNull();
        assertThat(unhealthy).isEmpty();
    }

    @Test
    void atMostOneCheckOfARuntimeIsInFlight() {
        Runtime slow = warm(UserId.random());
        answerLater = true;
        oneInterval();
        oneInterval();
        assertThat(probed).containsExactly(slow.url());

        pending.remove(slow.url()).complete(true);
        oneInterval();
        assertThat(probed).containsExactly(slow.url(), slow.url());
    }

    @Test
    void tickPeriodSpreadsTheIntervalOverTheSlots() {
        assertThat(LivenessChecker.tickPeriod(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(1));
        assertThat(LivenessChecker.tickPeriod(Duration.ofMillis(60))).isEqualTo(Duration.ofMillis(10));
    }
}
