package dev.hermes.worker.docker;

import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's user-defined bridge every runtime joins, with inter-container traffic off: one family's agent cannot
 * reach another's port, while traffic out (NAT to the LLM provider) and the port published on the host work as on the
 * default bridge. Not {@code Internal}, or the agents would lose the internet.
 *
 * @param name {@code hermes-<fleet>}; Docker does not keep network names unique, so runtimes attach by id
 * @param fleet the {@code hermes.fleet} label value the network carries
 * @param labels {@code hermes.managed}, {@code hermes.fleet} and the worker's extra labels
 */
public record RuntimeNetwork(String name, String fleet, Map<String, String> labels) {
    public static final String ICC_OPTION = "com.docker.network.bridge.enable_icc";
    public static final String DRIVER = "bridge";

    public RuntimeNetwork {
        labels = Map.copyOf(labels);
    }

    /** {@code hermes-<fleet>}, with anything Docker refuses in a network name turned into '-'. */
    public static RuntimeNetwork forFleet(String fleet, Map<String, String> extraLabels) {
        Map<String, String> labels = new HashMap<>(extraLabels);
        labels.put(ContainerSpec.LABEL_MANAGED, "true");
        labels.put(ContainerSpec.LABEL_FLEET, fleet);
        return new RuntimeNetwork("hermes-" + fleet.replaceAll("[^A-Za-z0-9_.-]", "-"), fleet, labels);
    }

    /** The driver options it is created with. */
    public Map<String, String> options() {
        return Map.of(ICC_OPTION, "false");
    }

    /**
     * Name, driver and options, for the config hash: a runtime made before (on the default bridge) or for another
     * network is recreated onto this one. Never the id, or re-creating the network would roll the fleet.
     */
    public String fingerprint() {
        return "network=" + name + ";driver=" + DRIVER + ";" + ICC_OPTION + "=false";
    }
}
