package dev.hermes.ops.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.admin.DockerHosts;
import dev.hermes.ops.status.EngineContainer;
import dev.hermes.schemas.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwoHostCheckTest {
    private static final String TWO =
            "a=unix:///var/run/docker.sock@127.0.0.1/500,b=unix:///run/hermes-docker-b/docker.sock@127.0.0.2/500";

    @Test
    void runsOnExactlyTwoOpenHosts() {
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse(TWO), null, Set.of())).isEmpty();
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse(TWO), null, Set.of("c")))
                .isEmpty();
    }

    @Test
    void oneEngineIsNotMeasuredWithHowToStartTwo() {
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse(""), null, Set.of()))
                .hasValueSatisfying(why -> assertThat(why)
                        .contains("HERMES_DOCKER_HOSTS is not set")
                        .contains("ops/local up --docker-hosts 2"));
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse("a=unix:///var/run/docker.sock@127.0.0.1/5"), null, Set.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("lists 1 hosts"));
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse(TWO + ",c=tcp://10.0.0.3:2376@10.0.0.3/9"), null, Set.of()))
                .hasValueSatisfying(why -> assertThat(why).contains("lists 3 hosts"));
    }

    @Test
    void aHostDrainedBeforeTheRunOrAnUnparsableSettingIsNotMeasured() {
        assertThat(TwoHostCheck.whyNot(DockerHosts.parse(TWO), null, Set.of("b")))
                .hasValueSatisfying(why -> assertThat(why).contains("host b is draining", "hosts undrain b"));
        assertThat(TwoHostCheck.whyNot(List.of(), "'x' is not name=endpoint@address/capacity", Set.of()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("HERMES_DOCKER_HOSTS does not parse: 'x'"));
    }

    @Test
    void countsOnlyTheBurstsFamiliesPerHostWithEveryHostListed() {
        UserId one = UserId.random();
        UserId two = UserId.random();
        UserId three = UserId.random();
        UserId other = UserId.random();
        List<EngineContainer> containers =
                List.of(container(one, "a"), container(two, "b"), container(three, "a"), container(other, "b"));
        assertThat(TwoHostCheck.perHost(List.of("a", "b"), containers, Set.of(one, two, three)))
                .containsExactly(Map.entry("a", 2), Map.entry("b", 1));
        assertThat(TwoHostCheck.perHost(List.of("a", "b"), List.of(container(one, "a")), Set.of(one)))
                .containsExactly(Map.entry("a", 1), Map.entry("b", 0));
    }

    @Test
    void theOneHostSideFailsWhenAFamilyLandedOnTheDrainedHost() {
        assertThat(TwoHostCheck.notOneHost(Map.of("a", 200, "b", 0), "b")).isNull();
        assertThat(TwoHostCheck.notOneHost(Map.of("a", 197, "b", 3), "b"))
                .startsWith("3 families of the one-host burst landed on the drained host b")
                .contains("HERMES_BENCH_DRAIN_SETTLE_MS");
    }

    private static EngineContainer container(UserId user, String host) {
        return new EngineContainer(user, host, "running", 1, null);
    }
}
