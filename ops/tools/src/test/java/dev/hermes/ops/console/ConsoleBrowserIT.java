package dev.hermes.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hermes.admin.KafkaAccess;
import dev.hermes.ops.cli.CliContext;
import dev.hermes.ops.cli.CliEnv;
import dev.hermes.ops.cli.CliRun;
import dev.hermes.ops.cli.HermesCli;
import dev.hermes.ops.status.Engine;
import dev.hermes.ops.status.FleetStatus;
import dev.hermes.schemas.UserId;
import dev.hermes.worker.testing.HermesStack;
import dev.hermes.worker.testing.Stack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console in Debian's headless Chromium, driven by playwright-core (src/test/console/console.mjs), over a
 * real worker, broker and Docker engine. The screenshots are left in target/console-screenshots/.
 */
@HermesStack.Use
class ConsoleBrowserIT {
    private static final Path SCRIPTS = Path.of("src/test/console").toAbsolutePath();
    private static final Path SHOTS = Path.of("target/console-screenshots").toAbsolutePath();

    private static ConsoleServer console(Stack stack) {
        KafkaAccess kafka = KafkaAccess.of(stack.bootstrapServers());
        FleetStatus status = new FleetStatus(
                List.of(new Engine("local", stack.docker())), kafka, stack.topics(), stack.fleet(), Clock.systemUTC());
        ConsoleServer console = ConsoleServer.serve(status, kafka, stack.topics(), Clock.systemUTC(), 0);
        stack.closeLater(console);
        return console;
    }

    @Test
    void theBrowserSeesAnEnsuredFamilyRunningAndItsReadyEventInItsTimeline(Stack stack) throws Exception {
        assertThat(SCRIPTS.resolve("node_modules/playwright-core/package.json"))
                .as("ops/tools/src/test/console/node_modules is missing: run ops/test (npm ci there)")
                .exists();
        assertThat(Path.of("/usr/bin/chromium"))
                .as("chromium is missing: run ops/test (apt-get install -y chromium)")
                .exists();
        stack.startWorker();
        UserId user = stack.newUser();
        stack.client().ensureRuntime(user, Duration.ofSeconds(60));
        ConsoleServer console = console(stack);
        Files.createDirectories(SHOTS);

        Process node = new ProcessBuilder(
                        "node",
                        "console.mjs",
                        "http://127.0.0.1:" + console.port() + "/",
                        user.value(),
                        SHOTS.toString())
                .directory(SCRIPTS.toFile())
                .redirectErrorStream(true)
                .start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output).contains("ok: " + user.value() + " listed running").contains("RuntimeReady");
        assertThat(SHOTS.resolve("fleet.png")).isNotEmptyFile();
        assertThat(SHOTS.resolve("family.png")).isNotEmptyFile();
    }

    @Test
    void theConsoleRefusesWritesAndEscapesWhatItEchoes(Stack stack) throws IOException, InterruptedException {
        ConsoleServer console = console(stack);
        HttpClient http = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + console.port() + "/");

        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(base)
                        .POST(HttpRequest.BodyPublishers.ofString("x=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> echoed = http.send(
                HttpRequest.newBuilder(base.resolve("/?user=%3Cscript%3Ealert(1)%3C%2Fscript%3E"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badUser = http.send(
                HttpRequest.newBuilder(base.resolve("/family?user=%3Cb%3E")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(echoed.statusCode()).isEqualTo(200);
        assertThat(echoed.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).doesNotContain("<b>");
    }

    @Test
    void theConsoleCommandServesTheFleetOnLoopbackUntilItIsStopped(Stack stack) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                new CliEnv(CliRun.env(stack)),
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Clock.systemUTC(),
                false);
        AtomicInteger code = new AtomicInteger(-1);
        Thread cli = new Thread(() -> code.set(new HermesCli(context).run("console", "--port", "0")));
        cli.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> out.toString(StandardCharsets.UTF_8).contains("console on http://127.0.0.1:"));
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(url.find()).isTrue();
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url.group())).build(), HttpResponse.BodyHandlers.ofString());
        cli.interrupt();
        cli.join(10_000);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Fleet</h1>").contains("Recreate progress");
        assertThat(cli.isAlive()).isFalse();
        assertThat(code.get()).isZero();
    }
}
