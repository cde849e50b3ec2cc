package dev.hermes.worker.config;

/** When the worker pulls the agent image (HERMES_IMAGE_PULL), as Kubernetes' imagePullPolicy. */
public enum ImagePull {
    /** Pull only when the engine has no image of that reference. */
    IF_NOT_PRESENT("if-not-present"),
    /** Pull at start and at every image check, so a new image pushed under the same tag is found. */
    ALWAYS("always"),
    /** Never pull: the image must be in the engine already (a locally built stand-in). */
    NEVER("never");

    private final String spelling;

    ImagePull(String spelling) {
        this.spelling = spelling;
    }

    /** As the environment spells it. */
    public String spelling() {
        return spelling;
    }
}
