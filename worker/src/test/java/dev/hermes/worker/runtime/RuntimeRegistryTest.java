package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuntimeRegistryTest {
    private final RuntimeRegistry registry = new RuntimeRegistry();
    private final UserId user = UserId.random();

    private Runtime runtime(String containerId) {
        return Runtime.of(user, containerId, "http://127.0.0.1:30000", 1, Instant.EPOCH);
    }

    @Test
    void aGoneContainerRemovesItsFamilysRuntimeFoundByTheUserLabel() {
        registry.put(runtime("c1"));

        assertThat(registry.containerGone(user, "c1")).map(Runtime::containerId).contains("c1");
        assertThat(registry.find(user)).isNull();
    }

    @Test
    void anEventForAnOlderContainerOfTheFamilyLeavesTheCurrentOneAlone() {
        registry.put(runtime("c2"));

        assertThat(registry.containerGone(user, "c1")).isEmpty();
        assertThat(registry.containerGone(null, "c1")).isEmpty();
        assertThat(registry.find(user).containerId()).isEqualTo("c2");
    }

    @Test
    void withoutTheLabelTheRuntimeIsFoundByItsContainerId() {
        registry.put(runtime("c3"));
        registry.put(Runtime.of(UserId.random(), "other", "http://127.0.0.1:30001", 1, Instant.EPOCH));

        assertThat(registry.containerGone(null, "c3")).map(Runtime::userId).contains(user);
        assertThat(registry.size()).isEqualTo(1);
    }
}
