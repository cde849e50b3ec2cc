package dev.hermes.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerHostsTest {
    @Test
    void readsEachEntryAsNameEndpointAddressAndCapacity() {
        List<DockerHost> hosts = DockerHosts.parse(
                "a=unix:///var/run/docker.sock@127.0.0.1/200, b=tcp://10.0.0.2:2376@engine-b.example/50");

        assertThat(hosts)
                .containsExactly(
                        new DockerHost("a", "unix:///var/run/docker.sock", "127.0.0.1", 200),
                        new DockerHost("b", "tcp://10.0.0.2:2376", "engine-b.example", 50));
    }

    @Test
    void formatsBackToTheSameSpelling() {
        String spelled = "a=unix:///var/run/docker.sock@127.0.0.1/200,b=unix:///run/b/docker.sock@127.0.0.2/3";

        assertThat(DockerHosts.format(DockerHosts.parse(spelled))).isEqualTo(spelled);
    }

    @Test
    void emptyMeansOneLocalHostFromDockerHostAndPublishHost() {
        List<DockerHost> hosts = DockerHosts.orLocal(DockerHosts.parse(" "), "unix:///x.sock", "127.0.0.9");

        assertThat(hosts).singleElement().satisfies(host -> {
            assertThat(host.name()).isEqualTo(DockerHost.LOCAL);
            assertThat(host.endpoint()).isEqualTo("unix:///x.sock");
            assertThat(host.publishAddress()).isEqualTo("127.0.0.9");
        });
    }

    @Test
    void aNameGivenTwiceIsRefused() {
        assertThatThrownBy(() -> DockerHosts.parse("a=unix:///a.sock@127.0.0.1/1,a=unix:///b.sock@127.0.0.2/1"))
                .isInstanceOf(InvalidDockerHostsException.class)
                .hasMessage("host name 'a' is given twice");
    }

    @Test
    void malformedEntriesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> DockerHosts.parse("a=unix:///a.sock/200"))
                .hasMessage("'a=unix:///a.sock/200' is not name=endpoint@address/capacity");
        assertThatThrownBy(() -> DockerHosts.parse("a=unix:///a.sock@127.0.0.1/0"))
                .hasMessage("host a: capacity 0 must be greater than 0");
        assertThatThrownBy(() -> DockerHosts.parse("a=unix:///a.sock@127.0.0.1/many"))
                .hasMessage("'a=unix:///a.sock@127.0.0.1/many': capacity 'many' is not a whole number");
        assertThatThrownBy(() -> DockerHosts.parse("a=/var/run/docker.sock@127.0.0.1/5"))
                .hasMessage("host a: endpoint '/var/run/docker.sock' must be unix://, tcp:// or npipe://");
        assertThatThrownBy(() -> DockerHosts.parse("a=unix:///a.sock@not an address/5"))
                .hasMessage("host a: address 'not an address' must be an IP address or a host name");
        assertThatThrownBy(() -> DockerHosts.parse("A=unix:///a.sock@127.0.0.1/5"))
                .hasMessageContaining("host name 'A' must be");
    }
}
