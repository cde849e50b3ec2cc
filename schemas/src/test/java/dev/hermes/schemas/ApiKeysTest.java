package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
    private static final String SECRET = "0123456789abcdef-server-secret";
    private static final UserId USER = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");

    @Test
    void theKeyIsLowercaseHexHmacSha256OfTheCanonicalUserId() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected =
                java.util.HexFormat.of().formatHex(mac.doFinal(USER.value().getBytes(StandardCharsets.UTF_8)));

        assertThat(ApiKeys.fromSecret(SECRET).keyFor(USER))
                .isEqualTo(expected)
                .hasSize(64)
                .matches("[0-9a-f]+");
    }

    @Test
    void differentUsersAndDifferentSecretsGiveDifferentKeys() {
        UserId other = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a12");
        ApiKeys keys = ApiKeys.fromSecret(SECRET);

        assertThat(keys.keyFor(USER))
                .isNotEqualTo(keys.keyFor(other))
                .isNotEqualTo(ApiKeys.fromSecret(SECRET + "x").keyFor(USER));
        assertThat(keys.keyFor(USER)).isEqualTo(ApiKeys.fromSecret(SECRET).keyFor(USER));
    }

    @Test
    void aShortOrMissingSecretIsRefusedAndTheSecretNeverPrints() {
        assertThatThrownBy(() -> ApiKeys.fromSecret("short"))
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("at least 16 bytes")
                .hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> ApiKeys.fromSecret(null)).isInstanceOf(HermesException.class);
        assertThat(ApiKeys.fromSecret(SECRET).toString()).doesNotContain(SECRET).contains("redacted");
    }
}
