package dev.flightdeck.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretMaskTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
            "xoxp-1111-2222-3333-abcdef0123",
            "xapp-1-A0123-4567-abcdef",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
            "gho_16C7e42F292c6912E7710c838347Ae178B4a",
            "ghu_16C7e42F292c6912E7710c838347Ae178B4a",
            "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
            "ghr_16C7e42F292c6912E7710c838347Ae178B4a",
            "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTU",
            "AKIAIOSFODNN7EXAMPLE",
            "ASIAY34FZKBOKMUTVV7A"})
    void eachTokenShapeIsMaskedWhereverItSitsInALine(String token) {
        String line = "+ curl -H 'Authorization: token " + token + "' https://api.example.com/x";

        assertThat(SecretMask.mask(line, List.of()))
                .isEqualTo("+ curl -H 'Authorization: token [masked]' https://api.example.com/x")
                .doesNotContain(token);
    }

    @Test
    void aPrivateKeyBlockIsMaskedFromItsBeginLineThroughItsEndLine() {
        String log = """
                writing key
                -----BEGIN RSA PRIVATE KEY-----
                MIIEpAIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aumqJGVe3n
                w8hZPc0xQX0rQ1MqFKx8bD1O2X7tQ9Gj2CGN5Wm0VdKw
                -----END RSA PRIVATE KEY-----
                done""";

        assertThat(SecretMask.maskLines(log.lines().toList(), List.of()))
                .containsExactly("writing key", "[masked]", "done");
        // Cut off before its END line (the last 30 lines began inside it): masked to the end.
        assertThat(SecretMask.mask("a\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA", List.of()))
                .isEqualTo("a\n[masked]");
    }

    @Test
    void knownSecretValuesAreMaskedByValueEvenInsideOtherWords() {
        String log = "connecting to postgres://app:pa55-w0rd-prod@db/app with pa55-w0rd-prod";

        assertThat(SecretMask.mask(log, List.of("pa55-w0rd-prod")))
                .isEqualTo("connecting to postgres://app:[masked]@db/app with [masked]");
    }

    @Test
    void overlappingSecretsLeaveNoPieceOfEither() {
        // "abcdef12" and "ef12ghij" overlap in "abcdef12ghij"; neither half may remain.
        assertThat(SecretMask.mask("x abcdef12ghij y", List.of("abcdef12", "ef12ghij"))).isEqualTo("x [masked] y");
        // A secret inside another: the longer is masked whole.
        assertThat(SecretMask.mask("k=s3cr3t-longer-s3cr3t", List.of("s3cr3t", "s3cr3t-longer-s3cr3t"))).isEqualTo("k=[masked]");
        // A secret value that is itself token-shaped, next to text: one mask.
        assertThat(SecretMask.mask("T=ghp_16C7e42F292c6912E7710c838347Ae178B4aXYZ9", List.of("ghp_16C7e42F292c6912E7710c838347Ae178B4aXYZ9")))
                .isEqualTo("T=[masked]");
    }

    @Test
    void eachLineOfAMultiLineSecretIsMaskedWhereItAppearsAlone() {
        String cert = "line-one-of-the-secret\nline-two-of-the-secret";

        assertThat(SecretMask.maskLines(List.of("a line-two-of-the-secret b"), List.of(cert))).containsExactly("a [masked] b");
    }

    @Test
    void shortValuesAndOrdinaryTextAreLeftAlone() {
        String log = "Step 3/7 : RUN ./gradlew test --info\nBUILD FAILED in 42s (exit code 1, token=abc)";

        assertThat(SecretMask.mask(log, List.of("1", "abc", "true"))).isEqualTo(log);
        assertThat(SecretMask.mask("ghp_short and AKIA1234", List.of())).isEqualTo("ghp_short and AKIA1234");
        assertThat(SecretMask.mask("", List.of("secret-value"))).isEmpty();
    }
}
