package dev.hermes.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermes.schemas.HermesException;
import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code --json}: the command prints one JSON document with stable field names instead of text. */
public final class JsonOutput {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "print one JSON document instead of text")
    private boolean json;

    public boolean enabled() {
        return json;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static void print(Object document, PrintStream out) {
        try {
            out.println(MAPPER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new HermesException("cannot write the output as JSON", e);
        }
    }
}
