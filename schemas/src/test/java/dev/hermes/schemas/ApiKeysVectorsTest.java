package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** schemas/test-vectors/api-keys.json, the vectors every implementation (Node, Python, ...) checks too. */
class ApiKeysVectorsTest {
    @Test
    void everyPublishedVectorIsTheKeyJavaDerives() throws IOException {
        JsonNode vectors = new ObjectMapper()
                .readTree(Path.of("test-vectors/api-keys.json").toFile());

        assertThat(vectors.size()).isGreaterThanOrEqualTo(3);
        for (JsonNode v : vectors) {
            UserId user = UserId.of(v.get("userId").asText());
            assertThat(ApiKeys.fromSecret(v.get("secret").asText()).keyFor(user))
                    .as("%s with secret %s", user, v.get("secret"))
                    .isEqualTo(v.get("apiKey").asText());
        }
    }
}
