package dev.hermes.schemas;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a family's API_SERVER_KEY: lowercase hex of HMAC-SHA256(server secret, canonical user id).
 * The key is never stored; the worker and every caller derive the same one from the shared secret.
 */
public final class ApiKeys {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_SECRET_BYTES = 16;
    private final SecretKeySpec secret;

    public ApiKeys(byte[] secret) {
        if (secret == null || secret.length < MIN_SECRET_BYTES) {
            throw new HermesException(
                    "the API key secret must be at least " + MIN_SECRET_BYTES + " bytes (HERMES_API_KEY_SECRET)");
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public static ApiKeys fromSecret(String secret) {
        return new ApiKeys(secret == null ? null : secret.getBytes(StandardCharsets.UTF_8));
    }

    public String keyFor(UserId userId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(userId.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new HermesException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeys[secret=<redacted>]";
    }
}
