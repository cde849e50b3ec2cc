package dev.hermes.worker.docker;

import java.util.Map;

/**
 * The fleet's user-defined bridge every runtime joins: inter-container traffic off, so one family's agent cannot
 * reach another's port; the internet (NAT) and the port published on the host still work.
 */
public record RuntimeNetwork(String name, Map<String, String> labels) {
    public static final String ICC_OPTION = "com.docker.network.bridge.enable_icc";

    public RuntimeNetwork {
        labels = Map.copyOf(labels);
    }

    /** {@code hermes-<fleet>}, with anything Docker refuses in a network name turned into '-'. */
    public static RuntimeNetwork forFleet(String fleet, Map<String, String> extraLabels) {
        Map<String, String> labels = new java.util.HashMap<>(extraLabels);
        labels.put(ContainerSpec.LABEL_MANAGED, "true");
        labels.put(ContainerSpec.LABEL_FLEET, fleet);
        return new RuntimeNetwork("hermes-" + fleet.replaceAll("[^A-Za-z0-9_.-]", "-"), labels);
    }
}
