package dev.hermes.admin;

import dev.hermes.schemas.HermesException;
import java.util.List;

/** Forget refused: some Docker hosts did not answer and the family was found on none of those that did. */
public final class DockerHostsUnreachableException extends HermesException {
    public DockerHostsUnreachableException(List<String> hosts, String family) {
        super("Docker host" + (hosts.size() == 1 ? " " : "s ") + String.join(", ", hosts)
                + (hosts.size() == 1 ? " does" : " do") + " not answer, and " + family
                + " was found on no host that does: its runtime and data may be there; nothing was removed "
                + "(try again once the host answers)");
    }
}
