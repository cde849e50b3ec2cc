package dev.hermes.worker.spawn;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker engine's packet-filter rules on this machine, as {@code iptables-save} prints them: every variant that
 * exists here (the nft-backed and the legacy tables can both hold rules), so the proof holds whichever the engine
 * uses. Needs root, like the engine. Skips the calling test if no iptables binary exists.
 */
final class EngineRules {
    private static final List<String> SAVERS = List.of("iptables-save", "iptables-nft-save", "iptables-legacy-save");
    private static final List<String> DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private EngineRules() {}

    static String saved() {
        List<Path> found = new ArrayList<>();
        for (String saver : SAVERS) {
            DIRS.stream()
                    .map(dir -> Path.of(dir, saver))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .ifPresent(found::add);
        }
        assumeTrue(!found.isEmpty(), "no iptables binary on this machine");
        StringBuilder rules = new StringBuilder();
        for (Path saver : found) {
            rules.append("# ").append(saver).append('\n').append(run(saver));
        }
        return rules.toString();
    }

    private static String run(Path saver) {
        try {
            Process p = new ProcessBuilder(saver.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(saver + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("running " + saver, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
