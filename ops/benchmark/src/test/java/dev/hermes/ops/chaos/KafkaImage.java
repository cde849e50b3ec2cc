package dev.hermes.ops.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The broker image the chaos ITs need: built by ops/lib/kafka-image.sh when it is missing (ops/test builds it). */
final class KafkaImage {
    private KafkaImage() {}

    static void ensure(String image) throws IOException, InterruptedException {
        if (run("docker", "image", "inspect", image) == 0) {
            return;
        }
        Path script = Path.of("../lib/kafka-image.sh").toAbsolutePath().normalize();
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("no image " + image + " and no " + script + " to build it");
        }
        if (run(script.toString(), image) != 0) {
            throw new IllegalStateException("building " + image + " with " + script + " failed");
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
