package dev.hermes.worker.config;

import dev.hermes.admin.DockerHost;
import dev.hermes.admin.DockerHosts;
import dev.hermes.admin.InvalidDockerHostsException;
import java.util.List;

/** HERMES_DOCKER_HOSTS: {@code name=endpoint@address/capacity,...} ({@link DockerHosts}); empty is one local host. */
final class DockerHostsType implements SettingType<List<DockerHost>> {
    @Override
    public String describe() {
        return "comma-separated `name=endpoint@address/capacity` (distinct names, capacity > 0), or empty for one "
                + "host from DOCKER_HOST and HERMES_PUBLISH_HOST";
    }

    @Override
    public List<DockerHost> parse(String raw) {
        try {
            return DockerHosts.parse(raw);
        } catch (InvalidDockerHostsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public void validate(List<DockerHost> hosts) {
        SettingType.super.validate(hosts);
        parse(DockerHosts.format(hosts)); // names given twice
    }

    @Override
    public String format(List<DockerHost> hosts) {
        return DockerHosts.format(hosts);
    }
}
