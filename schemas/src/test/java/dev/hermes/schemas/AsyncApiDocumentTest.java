package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * schemas/asyncapi.yaml is a valid AsyncAPI 3 document for the AsyncAPI parser (npm @asyncapi/parser, installed by
 * ops/test with npm ci in schemas/), and it references every JSON Schema of the contract.
 */
class AsyncApiDocumentTest {
    private static final Path DOCUMENT = Path.of("asyncapi.yaml");

    @Test
    void theParserAcceptsTheDocumentWithEveryReferenceResolved() throws Exception {
        Result result = validate(DOCUMENT);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("VALID").contains("7 channels").doesNotContain("error ");
    }

    @Test
    void aBrokenDocumentFailsTheCheck(@TempDir Path dir) throws Exception {
        String text = Files.readString(DOCUMENT);
        Path danglingRef = dir.resolve("dangling.yaml");
        Files.writeString(danglingRef, text.replace("json/Heartbeat.schema.json", "json/Missing.schema.json"));
        Files.createDirectory(dir.resolve("json"));
        try (Stream<Path> files = Files.list(Path.of("json"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve("json").resolve(f.getFileName()));
            }
        }
        Path badAction = dir.resolve("action.yaml");
        Files.writeString(badAction, text.replace("action: send", "action: publish"));

        for (Path broken : List.of(danglingRef, badAction)) {
            Result result = validate(broken);
            assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
            assertThat(result.output()).contains("INVALID");
        }
    }

    @Test
    void everyJsonSchemaFileIsReferenced() throws IOException {
        String text = Files.readString(DOCUMENT);
        try (Stream<Path> files = Files.list(Path.of("json"))) {
            assertThat(files.map(f -> "json/" + f.getFileName()).toList())
                    .isNotEmpty()
                    .allSatisfy(ref -> assertThat(text)
                            .as("asyncapi.yaml references " + ref)
                            .contains(ref));
        }
    }

    private record Result(int exitCode, String output) {}

    private static Result validate(Path document) throws IOException, InterruptedException {
        assertThat(Path.of("node_modules/@asyncapi/parser/package.json"))
                .as("schemas/node_modules is missing: run ops/test (npm ci in schemas/) or `npm ci` in schemas/")
                .exists();
        Process p;
        try {
            p = new ProcessBuilder(
                            "node",
                            "validate-asyncapi.mjs",
                            document.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("node is not installed: run ops/test (it installs what the tests need)", e);
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS))
                .as("the AsyncAPI check finished")
                .isTrue();
        return new Result(p.exitValue(), output);
    }
}
