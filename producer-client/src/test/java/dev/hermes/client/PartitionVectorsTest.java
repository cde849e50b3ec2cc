package dev.hermes.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** schemas/test-vectors/partitions.json is what Java's default partitioner does; the Node test checks kafkajs on it. */
class PartitionVectorsTest {
    @Test
    void everyPublishedPartitionIsJavasMurmur2Partition() throws IOException {
        JsonNode vectors = new ObjectMapper()
                .readTree(Path.of("../schemas/test-vectors/partitions.json").toFile());

        assertThat(vectors.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode v : vectors) {
            byte[] key = v.get("userId").asText().getBytes(StandardCharsets.UTF_8);
            for (Iterator<Map.Entry<String, JsonNode>> it = v.get("partitions").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int count = Integer.parseInt(e.getKey());
                assertThat(Utils.toPositive(Utils.murmur2(key)) % count)
                        .as("%s over %d partitions", v.get("userId"), count)
                        .isEqualTo(e.getValue().asInt());
            }
        }
    }
}
