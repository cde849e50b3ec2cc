package dev.hermes.admin;

import java.util.regex.Pattern;

/**
 * One Docker engine runtimes may be placed on.
 *
 * @param name short name, shown in {@code hermes.host} labels, metrics and {@code ops/hermes hosts}
 * @param endpoint how the worker reaches the engine ({@code unix:///...} or {@code tcp://...})
 * @param publishAddress the address the runtimes' ports are published on, and the URL in RuntimeReady uses
 * @param capacity how many families (their volumes, of any fleet) the host takes
 */
public record DockerHost(String name, String endpoint, String publishAddress, int capacity) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern ENDPOINT = Pattern.compile("(unix|tcp|npipe)://\\S+");
    /** An IPv4 address, a bracket-less IPv6 address or a host name. */
    private static final Pattern ADDRESS = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*"
            + "|[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");

    /** The one host of a worker without HERMES_DOCKER_HOSTS. */
    public static final String LOCAL = "local";

    public DockerHost {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidDockerHostsException(
                    "host name '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
        if (endpoint == null || !ENDPOINT.matcher(endpoint).matches()) {
            throw new InvalidDockerHostsException(
                    "host " + name + ": endpoint '" + endpoint + "' must be unix://, tcp:// or npipe://");
        }
        if (publishAddress == null || !ADDRESS.matcher(publishAddress).matches()) {
            throw new InvalidDockerHostsException(
                    "host " + name + ": address '" + publishAddress + "' must be an IP address or a host name");
        }
        if (capacity <= 0) {
            throw new InvalidDockerHostsException(
                    "host " + name + ": capacity " + capacity + " must be greater than 0");
        }
    }

    @Override
    public String toString() {
        return name + "=" + endpoint + "@" + publishAddress + "/" + capacity;
    }
}
