package dev.hermes.worker.spawn;

/** The agent image runtimes are created from: the configured reference (HERMES_IMAGE) and the id it names now. */
public interface AgentImage {
    /** As configured, such as {@code nousresearch/hermes-agent:latest}. */
    String reference();

    /**
     * The image id runtimes are created from right now, so a tag moved during a rollout cannot mix builds.
     *
     * @throws ImageUnavailableException when the reference names no image (not in the engine, the pull failed)
     */
    String id();

    /** An image taken as it is named, never resolved (unit tests, the benchmark's raw spawner). */
    static AgentImage fixed(String reference) {
        return new AgentImage() {
            @Override
            public String reference() {
                return reference;
            }

            @Override
            public String id() {
                return reference;
            }
        };
    }
}
