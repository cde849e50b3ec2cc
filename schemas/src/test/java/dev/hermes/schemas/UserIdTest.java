package dev.hermes.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserIdTest {
    private static final String CANONICAL = "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192";
    private static final String HEX = "3f2b8c1e9a4d4e7b8c2a1d5e6f708192";

    @Test
    void canonicalLowercaseUuidIsAccepted() {
        UserId id = UserId.of(CANONICAL);

        assertThat(id.value()).isEqualTo(CANONICAL);
        assertThat(id).hasToString(CANONICAL);
        assertThat(id).isEqualTo(new UserId(CANONICAL));
    }

    @Test
    void theHexOfAContainerNameGivesTheIdBackAndAnythingElseGivesNone() {
        UserId id = UserId.of("3f2c1b9e-3f7e-4c55-9a35-0f0c3f1d8a11");
        assertThat(UserId.fromHex(id.hex())).isEqualTo(id);
        assertThat(UserId.fromHex("ffffffffffffffffffffffffffffffff").value())
                .isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
        assertThat(UserId.fromHex("3F2C1B9E3F7E4C559A350F0C3F1D8A11")).isNull();
        assertThat(UserId.fromHex("+f2c1b9e3f7e4c559a350f0c3f1d8a11")).isNull();
        assertThat(UserId.fromHex("3f2c1b9e3f7e4c559a350f0c3f1d8a1")).isNull();
        assertThat(UserId.fromHex("")).isNull();
        assertThat(UserId.fromHex(null)).isNull();
    }

    @Test
    void randomIdsAreCanonicalAndAgreeWithJavaUuid() {
        for (int i = 0; i < 100; i++) {
            String uuid = UUID.randomUUID().toString();
            assertThat(UserId.of(uuid).value()).isEqualTo(uuid);
            assertThat(UserId.of(UserId.random().value())).isNotNull();
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "3F2B8C1E-9A4D-4E7B-8C2A-1D5E6F708192", // uppercase
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819A", // one uppercase digit
                "3f2b8c1e9a4d4e7b8c2a1d5e6f708192", // missing dashes
                "3f2b8c1e-9a4d4e7b-8c2a-1d5e6f708192", // dashes in the wrong place
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f70819", // too short
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7081920", // too long
                " 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192", // leading whitespace
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192 ", // trailing whitespace
                "3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192\n", // trailing newline
                "{3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192}", // braces
                "urn:uuid:3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192",
                "g2b8c1e-9a4d-4e7b-8c2a-1d5e6f708192", // not hex
                "usr_123", // legacy id
                "1-1-1-1-1", // UUID.fromString accepts it, the wire does not
                ""
            })
    void nonCanonicalSpellingIsRejectedWithAMessageSayingWhatIsExpected(String given) {
        assertThatThrownBy(() -> UserId.of(given))
                .isInstanceOf(InvalidUserIdException.class)
                .isInstanceOf(HermesException.class)
                .hasMessageContaining("canonical lowercase UUID");
    }

    @Test
    void rejectionMessageQuotesTheGivenValueWithControlCharactersMaskedAndLongValuesCut() {
        assertThatThrownBy(() -> UserId.of("usr_123")).hasMessageEndingWith("got 'usr_123'");
        assertThatThrownBy(() -> UserId.of("a\nb")).hasMessageEndingWith("got 'a?b'");
        assertThatThrownBy(() -> UserId.of("x".repeat(200))).hasMessageEndingWith("x".repeat(64) + "...'");
    }

    @Test
    void acceptsExactlyWhatTheContractPatternAcceptsForEveryCharacterInEveryPosition() {
        Pattern contract = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        int accepted = 0;
        for (int position = 0; position < CANONICAL.length(); position++) {
            for (char c = 0; c < 0x180; c++) {
                String given = CANONICAL.substring(0, position) + c + CANONICAL.substring(position + 1);
                boolean valid = contract.matcher(given).matches();
                accepted += valid ? 1 : 0;
                assertThat(isAccepted(given)).as("%s", given).isEqualTo(valid);
            }
        }
        assertThat(accepted).isEqualTo(32 * 16 + 4);
    }

    private static boolean isAccepted(String given) {
        try {
            return UserId.of(given) != null;
        } catch (InvalidUserIdException e) {
            return false;
        }
    }

    @Test
    void nullIsRejected() {
        // UserId.of(null) currently throws NullPointerException("user id") from Objects.requireNonNull,
        // so its message does not say "canonical lowercase UUID" (see the report). What is certain:
        // null is never a user id, and InvalidUserIdException itself describes a null properly.
        assertThatThrownBy(() -> UserId.of(null))
                .isInstanceOfAny(NullPointerException.class, InvalidUserIdException.class);
        assertThat(new InvalidUserIdException(null).getMessage())
                .contains("canonical lowercase UUID")
                .endsWith("got null");
    }

    @Test
    void nullUserIdOnTheWireIsRejectedByTheCodecNamingTheField() {
        String json =
                "{\"type\":\"Heartbeat\",\"schemaVersion\":1,\"eventId\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\","
                        + "\"occurredAt\":\"2026-11-27T10:57:28Z\",\"userId\":null,\"deviceId\":\"d\",\"source\":\"home-device\"}";

        assertThatThrownBy(() -> new EventCodec().decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        InvalidEventException.class, e -> assertThat(e.field()).isEqualTo("userId"))
                .hasMessageContaining("userId");
    }

    @Test
    void hexIsTheThirtyTwoDigitsWithoutDashes() {
        assertThat(UserId.of(CANONICAL).hex()).isEqualTo(HEX).hasSize(32).matches("[0-9a-f]{32}");
    }

    @Test
    void containerNameIsHermesUserAndTheHex() {
        assertThat(UserId.of(CANONICAL).containerName()).isEqualTo("hermes-user-" + HEX);
    }

    @Test
    void volumeNameIsTheContainerNameWithDataSuffix() {
        assertThat(UserId.of(CANONICAL).volumeName()).isEqualTo("hermes-user-" + HEX + "-data");
    }

    @Test
    void namesAreStableAndDistinctPerUser() {
        UserId a = UserId.random();
        UserId b = UserId.random();

        assertThat(a.containerName())
                .isEqualTo(UserId.of(a.value()).containerName())
                .matches("hermes-user-[0-9a-f]{32}");
        assertThat(a.volumeName()).matches("hermes-user-[0-9a-f]{32}-data");
        assertThat(a.containerName()).isNotEqualTo(b.containerName());
    }

    @Test
    void orderingFollowsTheCanonicalString() {
        UserId low = UserId.of("00000000-0000-4000-8000-000000000001");
        UserId high = UserId.of("ffffffff-0000-4000-8000-000000000001");

        assertThat(low).isLessThan(high);
        assertThat(low.compareTo(UserId.of(low.value()))).isZero();
    }

    @Test
    void orderEqualityAndHashAgreeWithTheSpellings() {
        java.util.List<UserId> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            ids.add(UserId.random());
        }
        ids.add(UserId.of("ffffffff-ffff-ffff-ffff-ffffffffffff"));
        ids.add(UserId.of("00000000-0000-0000-0000-000000000000"));
        ids.add(UserId.of("80000000-0000-0000-8000-000000000000"));
        java.util.List<String> bySpelling =
                ids.stream().map(UserId::value).sorted().toList();
        assertThat(ids.stream().sorted().map(UserId::value).toList()).isEqualTo(bySpelling);
        for (UserId id : ids) {
            UserId again = UserId.of(id.value());
            assertThat(again).isEqualTo(id).hasSameHashCodeAs(id);
            assertThat(UserId.fromUuid(id.uuid())).isEqualTo(id);
            assertThat(new String(id.asciiBytes(), java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(id.value());
        }
        assertThat(UserId.of(CANONICAL)).isNotEqualTo(UserId.of(CANONICAL.replace('3', '4')));
    }

    @Test
    void parseReadsAKeysBytesAndAnswersNullForAnythingElse() {
        assertThat(UserId.parse(CANONICAL.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo(UserId.of(CANONICAL));
        assertThat(UserId.parse(CANONICAL.toUpperCase().getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(UserId.parse(HEX.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isNull();
        assertThat(UserId.parse(null)).isNull();
        assertThat(UserId.of(CANONICAL).hex()).isEqualTo(HEX);
    }
}
