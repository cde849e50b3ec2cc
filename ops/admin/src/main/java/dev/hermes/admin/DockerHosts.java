package dev.hermes.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads HERMES_DOCKER_HOSTS: comma-separated {@code name=endpoint@address/capacity}, e.g.
 * {@code a=unix:///var/run/docker.sock@127.0.0.1/200,b=tcp://10.0.0.2:2376@10.0.0.2/200}. Empty means one host,
 * {@value DockerHost#LOCAL}, from DOCKER_HOST and HERMES_PUBLISH_HOST, exactly as without hosts.
 */
public final class DockerHosts {
    /** Capacity of the implicit local host: never the bound (HERMES_MAX_RUNTIMES is). */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private DockerHosts() {}

    /**
     * @throws InvalidDockerHostsException naming the entry that is malformed, or the name given twice
     */
    public static List<DockerHost> parse(String raw) {
        List<DockerHost> hosts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        for (String entry : raw.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            DockerHost host = entry(trimmed);
            if (!names.add(host.name())) {
                throw new InvalidDockerHostsException("host name '" + host.name() + "' is given twice");
            }
            hosts.add(host);
        }
        return List.copyOf(hosts);
    }

    /** The hosts configured, or the one local host when none is. */
    public static List<DockerHost> orLocal(List<DockerHost> configured, String dockerHost, String publishHost) {
        return configured.isEmpty()
                ? List.of(new DockerHost(DockerHost.LOCAL, dockerHost, publishHost, UNBOUNDED))
                : configured;
    }

    private static DockerHost entry(String entry) {
        int eq = entry.indexOf('=');
        int at = entry.lastIndexOf('@');
        int slash = entry.lastIndexOf('/');
        if (eq <= 0 || at < eq || slash < at) {
            throw new InvalidDockerHostsException("'" + entry + "' is not name=endpoint@address/capacity");
        }
        String capacity = entry.substring(slash + 1).trim();
        try {
            return new DockerHost(
                    entry.substring(0, eq).trim(),
                    entry.substring(eq + 1, at).trim(),
                    entry.substring(at + 1, slash).trim(),
                    Integer.parseInt(capacity));
        } catch (NumberFormatException e) {
            throw new InvalidDockerHostsException("'" + entry + "': capacity '" + capacity + "' is not a whole number");
        }
    }

    /** The entries as HERMES_DOCKER_HOSTS spells them. */
    public static String format(List<DockerHost> hosts) {
        return String.join(",", hosts.stream().map(DockerHost::toString).toList());
    }
}
