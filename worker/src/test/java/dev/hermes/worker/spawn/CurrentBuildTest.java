package dev.hermes.worker.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hermes.schemas.StopReason;
import dev.hermes.worker.docker.ContainerSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrentBuildTest {
    private static final CurrentBuild TODAY = new CurrentBuild(5, "sha256:bbb");

    @Test
    void aRuntimeOnTodaysVersionAndImageIsCurrent() {
        assertThat(TODAY.outdatedBy(labels("5", "sha256:bbb"), null)).isEmpty();
        assertThat(TODAY.outdatedBy(labels("6", "sha256:bbb"), null))
                .as("a newer version (another worker saw it first)")
                .isEmpty();
    }

    @Test
    void anOlderSettingsVersionIsASettingsRecreateWhateverTheImage() {
        assertThat(TODAY.outdatedBy(labels("4", "sha256:bbb"), null)).contains(StopReason.SETTINGS_RECREATE);
        assertThat(TODAY.outdatedBy(labels("4", "sha256:aaa"), null)).contains(StopReason.SETTINGS_RECREATE);
    }

    @Test
    void anotherImageIsAnImageRollout() {
        assertThat(TODAY.outdatedBy(labels("5", "sha256:aaa"), null)).contains(StopReason.IMAGE_ROLLOUT);
    }

    @Test
    void aRuntimeCreatedBeforeImagesWereTrackedIsJudgedByTheImageDockerSaysItRuns() {
        Map<String, String> noImageLabel = Map.of(ContainerSpec.LABEL_SETTINGS_VERSION, "5");
        assertThat(TODAY.outdatedBy(noImageLabel, "sha256:bbb"))
                .as("upgrading the worker alone")
                .isEmpty();
        assertThat(TODAY.outdatedBy(noImageLabel, "sha256:aaa")).contains(StopReason.IMAGE_ROLLOUT);
        assertThat(TODAY.outdatedBy(noImageLabel, null)).as("nobody knows").contains(StopReason.IMAGE_ROLLOUT);
    }

    @Test
    void theLabelWinsOverWhatDockerSays() {
        assertThat(TODAY.outdatedBy(labels("5", "sha256:bbb"), "sha256:other")).isEmpty();
        assertThat(TODAY.outdatedBy(labels("5", "sha256:aaa"), "sha256:bbb")).contains(StopReason.IMAGE_ROLLOUT);
    }

    @Test
    void noLabelsAtAllReadAsTheOldestVersion() {
        assertThat(TODAY.outdatedBy(null, "sha256:bbb")).contains(StopReason.SETTINGS_RECREATE);
    }

    private static Map<String, String> labels(String version, String imageId) {
        return Map.of(ContainerSpec.LABEL_SETTINGS_VERSION, version, ContainerSpec.LABEL_IMAGE_ID, imageId);
    }
}
