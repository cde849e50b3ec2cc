package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePullSettingTest {

    @Test
    void theThreePoliciesParseAsSpelled() {
        assertThat(DockerSettings.IMAGE_PULL.read(Map.of("HERMES_IMAGE_PULL", "if-not-present")))
                .isEqualTo(ImagePull.IF_NOT_PRESENT);
        assertThat(DockerSettings.IMAGE_PULL.read(Map.of("HERMES_IMAGE_PULL", "always")))
                .isEqualTo(ImagePull.ALWAYS);
        assertThat(DockerSettings.IMAGE_PULL.read(Map.of("HERMES_IMAGE_PULL", "never")))
                .isEqualTo(ImagePull.NEVER);
    }

    @Test
    void theDefaultsPullIfNotPresentAndCheckEveryMinute() {
        assertThat(DockerSettings.IMAGE_PULL.read(Map.of())).isEqualTo(ImagePull.IF_NOT_PRESENT);
        assertThat(DockerSettings.IMAGE_CHECK.read(Map.of())).isEqualTo(Duration.ofSeconds(60));
        assertThat(DockerSettings.IMAGE_PULL_TIMEOUT.read(Map.of())).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void anotherSpellingIsRefusedNamingTheVariableAndTheChoices() {
        for (String wrong : new String[] {"Always", "IfNotPresent", "if_not_present", "sometimes"}) {
            assertThatThrownBy(() -> DockerSettings.IMAGE_PULL.read(Map.of("HERMES_IMAGE_PULL", wrong)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("HERMES_IMAGE_PULL")
                    .hasMessageContaining("`if-not-present`, `always` or `never`")
                    .hasMessageContaining(wrong);
        }
    }

    @Test
    void aCheckIntervalOfZeroIsRefused() {
        assertThatThrownBy(() -> DockerSettings.IMAGE_CHECK.read(Map.of("HERMES_IMAGE_CHECK_SEC", "0")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("HERMES_IMAGE_CHECK_SEC");
    }
}
