package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The examples in schemas/README.md are what producers copy: each is valid and decodes. */
class ReadmeExamplesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private final EventCodec codec = new EventCodec();

    @Test
    void everyJsonExampleIsValidAgainstItsSchemaAndDecodesToTheSameDocument() throws IOException {
        List<String> examples = examples();

        assertThat(examples).isNotEmpty();
        for (String example : examples) {
            byte[] bytes = example.getBytes(StandardCharsets.UTF_8);
            JsonNode json = MAPPER.readTree(bytes);
            String type = json.get("type").textValue();

            assertThat(EventSchemas.validate(type, json))
                    .as("schema errors in the %s example", type)
                    .isEmpty();
            Event event = codec.decode(bytes);
            assertThat(event.type()).isEqualTo(type);
            // nothing in the example is lost by a Java round trip; timestamps may be re-spelled
            // (".000Z" becomes "Z") but name the same instant
            JsonNode again = MAPPER.readTree(codec.encode(event));
            assertThat(fieldNames(again))
                    .as("%s fields after a round trip", type)
                    .isEqualTo(fieldNames(json));
            json.fields().forEachRemaining(f -> {
                JsonNode value = again.get(f.getKey());
                if (f.getValue().isTextual() && f.getValue().textValue().matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
                    assertThat(Instant.parse(value.textValue()))
                            .as(f.getKey())
                            .isEqualTo(Instant.parse(f.getValue().textValue()));
                } else {
                    assertThat(value).as(f.getKey()).isEqualTo(f.getValue());
                }
            });
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Test
    void readmeHasAnExampleOfEveryEventType() throws IOException {
        Set<String> exampleTypes = new java.util.HashSet<>();
        for (String example : examples()) {
            exampleTypes.add(MAPPER.readTree(example).get("type").textValue());
        }

        assertThat(exampleTypes)
                .isEqualTo(Arrays.stream(Event.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .collect(Collectors.toSet()));
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new java.util.HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> examples() throws IOException {
        Path readme = Path.of("README.md");
        if (!Files.exists(readme)) {
            readme = Path.of("schemas", "README.md");
        }
        Matcher m = JSON_BLOCK.matcher(Files.readString(readme));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
