package dev.hermes.worker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {

    @Test
    void allListsEverySettingTheFeatureClassesDefineOnce() throws IllegalAccessException {
        List<Setting<?>> declared = new ArrayList<>();
        for (Class<?> definer : WorkerSettings.DEFINED_IN) {
            for (Field field : definer.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Setting.class) {
                    declared.add((Setting<?>) field.get(null));
                }
            }
        }

        assertThat(WorkerSettings.ALL).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared);
        assertThat(WorkerSettings.ALL.stream().map(Setting::name))
                .doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[A-Z][A-Z0-9_]*[A-Z0-9]"));
    }

    @Test
    void everyDefaultPassesItsOwnValidationExceptTheRequiredSecret() {
        for (Setting<?> setting : WorkerSettings.ALL) {
            assertThat(setting.doc()).as(setting.name()).isNotBlank();
            if (setting != RuntimeSettings.API_KEY_SECRET) {
                assertThat(check(setting))
                        .as(setting.name())
                        .isEqualTo(setting.fallback().get());
            }
        }
        assertThatThrownBy(() -> check(RuntimeSettings.API_KEY_SECRET)).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void onlyTheTwoSecretsAreSecret() {
        assertThat(WorkerSettings.ALL.stream().filter(Setting::secret).map(Setting::name))
                .containsExactly("HERMES_PG_PASSWORD", "HERMES_API_KEY_SECRET");
    }

    private static <T> T check(Setting<T> setting) {
        return setting.check(setting.fallback().get());
    }
}
