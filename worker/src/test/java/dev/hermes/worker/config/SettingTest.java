package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingTest {
    static final Setting<Integer> COUNT =
            new Setting<>("X_COUNT", SettingTypes.integer(2, 9), () -> 3, null, "a count");
    static final Setting<Duration> WAIT =
            new Setting<>("X_WAIT_SEC", SettingTypes.positiveSeconds(), () -> Duration.ofMillis(1500), null, "a wait");
    static final Setting<String> KEY = new Setting<>("X_KEY", SettingTypes.secret(8), () -> null, "required", "a key");

    @TempDir
    Path dir;

    @Test
    void unsetOrBlankMeansTheDefaultAndValuesAreTrimmed() {
        assertThat(COUNT.read(Map.of())).isEqualTo(3);
        assertThat(COUNT.read(Map.of("X_COUNT", " \t"))).isEqualTo(3);
        assertThat(COUNT.read(Map.of("X_COUNT", " 7 "))).isEqualTo(7);
        assertThat(WAIT.read(Map.of("X_WAIT_SEC", "0.05"))).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void oneMessageShapeForEveryRejection() {
        assertThatThrownBy(() -> COUNT.read(Map.of("X_COUNT", "ten")))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("X_COUNT must be an integer from 2 to 9, got 'ten'");
        assertThatThrownBy(() -> COUNT.read(Map.of("X_COUNT", "10")))
                .hasMessage("X_COUNT must be an integer from 2 to 9, got '10'");
        assertThatThrownBy(() -> COUNT.check(1)).hasMessage("X_COUNT must be an integer from 2 to 9, got '1'");
        assertThatThrownBy(() -> WAIT.check(null))
                .hasMessage("X_WAIT_SEC must be a number of seconds > 0 (decimals allowed), got nothing");
        assertThatThrownBy(() -> WAIT.read(Map.of("X_WAIT_SEC", "0.0001")))
                .hasMessage("X_WAIT_SEC must be a number of seconds > 0 (decimals allowed), got '0.0001' "
                        + "(rounds to 0 ms)");
        assertThat(COUNT.check(9)).isEqualTo(9);
    }

    @Test
    void aRequiredSettingWithoutValueIsRejectedAndASecretIsNeverShown() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "short\n");

        assertThatThrownBy(() -> KEY.read(Map.of()))
                .hasMessage("X_KEY (or X_KEY_FILE) must be a secret of at least 8 characters");
        assertThatThrownBy(() -> KEY.read(Map.of("X_KEY", "sh0rt")))
                .hasMessage("X_KEY (or X_KEY_FILE) must be a secret of at least 8 characters");
        assertThatThrownBy(() -> KEY.read(Map.of("X_KEY_FILE", file.toString())))
                .hasMessageNotContaining("short");
        assertThat(KEY.type().format("long-enough")).isEqualTo("<redacted>");
        assertThat(KEY.secret()).isTrue();
        assertThat(COUNT.secret()).isFalse();
    }

    @Test
    void aSecretComesFromItsFileFirstStripped() throws IOException {
        Path file = Files.writeString(dir.resolve("key"), "\n from-file-123 \n");

        assertThat(KEY.read(Map.of("X_KEY", "from-env-456", "X_KEY_FILE", file.toString())))
                .isEqualTo("from-file-123");
        assertThat(KEY.read(Map.of("X_KEY", " from-env-456 ", "X_KEY_FILE", " ")))
                .isEqualTo(" from-env-456 ");
    }

    @Test
    void theDocumentedDefaultIsTheFormattedValueUnlessSpelledOut() {
        assertThat(COUNT.defaultText()).isEqualTo("3");
        assertThat(WAIT.defaultText()).isEqualTo("1.5");
        assertThat(KEY.defaultText()).isNull();
        assertThat(RuntimeSettings.HEALTH_TIMEOUT.defaultText()).isEqualTo("120");
        assertThat(KafkaSettings.TOPIC_PREFIX.defaultText()).isEqualTo("hermes.");
        assertThat(KafkaSettings.WORKER_ID.defaultText()).isNull();
    }

    @Test
    void labelsAndPropertiesShowWhatIsSafeToShow() throws IOException {
        Path file = Files.writeString(dir.resolve("k.properties"), "b=secret-value\na=1\n");

        assertThat(SettingTypes.extraLabels().format(Map.of("b", "2", "a", "1")))
                .isEqualTo("a=1,b=2");
        assertThat(SettingTypes.propertiesFile()
                        .format(SettingTypes.propertiesFile().parse(file.toString())))
                .isEqualTo("keys [a, b]");
    }
}
