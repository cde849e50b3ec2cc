package dev.hermes.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RuntimeTest {
    private static final UserId USER = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");

    @Test
    void aUrlEndingInAPortIsKeptAsASharedPrefixAndThePort() {
        Runtime a = Runtime.of(USER, "c1", "http://127.0.0.1:32768", 3, Instant.EPOCH);
        Runtime b = Runtime.of(USER, "c2", new String("http://127.0.0.1:40001"), 3, Instant.EPOCH);

        assertThat(a.url()).isEqualTo("http://127.0.0.1:32768");
        assertThat(a.port()).isEqualTo(32768);
        assertThat(b.url()).isEqualTo("http://127.0.0.1:40001");
        assertThat(a.urlPrefix()).isSameAs(b.urlPrefix());
        assertThat(a.containerName()).isEqualTo(USER.containerName());
    }

    @Test
    void aUrlWithoutAPortIsKeptWhole() {
        for (String url :
                new String[] {"http://agent.local", "http://agent.local:", "http://host:80a", "http://h:1234567"}) {
            Runtime runtime = Runtime.of(USER, "c", url, 1, Instant.EPOCH);
            assertThat(runtime.url()).isEqualTo(url);
            assertThat(runtime.port()).isEqualTo(-1);
        }
    }
}
