package dev.hermes.worker.spawn;

import com.github.dockerjava.api.DockerClient;
import dev.hermes.worker.testing.ContainerShell;

/**
 * A listing of a container's root filesystem (every path's type, owner, mode and link target, and every regular
 * file's sha256), taken as root: the same listing before and after a boot means the boot changed nothing there.
 * /proc, /sys, /dev and the volume are other file systems; /etc/hosts, /etc/hostname and /etc/resolv.conf are
 * Docker's own bind mounts, rewritten on every start.
 */
final class RootFilesystem {
    private static final String PRUNE = "\\( -path /proc -o -path /sys -o -path /dev -o -path /opt/data"
            + " -o -path /etc/hosts -o -path /etc/hostname -o -path /etc/resolv.conf \\) -prune -o";

    private RootFilesystem() {}

    static String listing(DockerClient docker, String container) {
        return ContainerShell.check(
                docker,
                container,
                "0:0",
                "set -e\n"
                        + "find / -xdev " + PRUNE + " -exec stat -c '%N %F %u:%g %a' {} + | sort\n"
                        + "find / -xdev " + PRUNE + " -type f -exec sha256sum {} + | sort\n");
    }
}
