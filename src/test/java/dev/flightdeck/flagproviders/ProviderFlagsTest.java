package dev.flightdeck.flagproviders;

import dev.flightdeck.deploy.flags.FlagProvider;
import dev.flightdeck.deploy.flags.FlagProviderException;
import dev.flightdeck.deploy.flags.FlagsConfig;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.testing.FakeFlagsmith;
import dev.flightdeck.testing.FakeLaunchDarkly;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two providers behind the {@link FlagProvider} port, over real HTTP against the strict loopback fakes: what is
 * read, what is sent to flip a flag, and how a refusal reads. The Flagsmith path end to end at the adapter.
 */
class ProviderFlagsTest {

    static final String LD_TOKEN = "api-test-ld-token-0000";
    static final String FS_TOKEN = "fs-test-org-token-0000";
    static final FakeLaunchDarkly LD = new FakeLaunchDarkly(LD_TOKEN);
    static final FakeFlagsmith FS = new FakeFlagsmith(FS_TOKEN);
    static final EnvSecrets SECRETS = new EnvSecrets() {
        @Override
        public Optional<String> get(String variable) {
            return Optional.ofNullable(Map.of("LD_TOKEN", LD_TOKEN, "FS_TOKEN", FS_TOKEN, "WRONG", "not-the-token")
                    .get(variable));
        }
    };
    static final FlagHttp HTTP = new FlagHttp(Duration.ofSeconds(5), Duration.ofMillis(20));
    static final ProviderFlags PROVIDER = new ProviderFlags(new LaunchDarklyFlags(HTTP, SECRETS, LD.url() + "/"),
            new FlagsmithFlags(HTTP, SECRETS, FS.url()));

    static final FlagsConfig.Flagsmith FLAGSMITH = new FlagsConfig.Flagsmith("FS_TOKEN",
            Map.of("prod", "ser.prodKey123", "staging", "ser.stagingKey9"), Set.of());

    @AfterAll
    static void stop() {
        LD.close();
        FS.close();
    }

    @Test
    void flagsmithReadsTheEnvironmentsDefaultStateAndFlipsItWithATokenHeaderAndABooleanBody() throws Exception {
        FS.feature("ser.prodKey123", "new-emails", true, "v2");
        FS.feature("ser.stagingKey9", "new-emails", false, null);

        FlagProvider.Reading r = PROVIDER.read(FLAGSMITH, "new-emails", List.of("ser.prodKey123", "ser.stagingKey9"));
        // The segment override (on) is not the environment's state.
        assertThat(r.environments().get("ser.prodKey123").on()).isTrue();
        assertThat(r.environments().get("ser.prodKey123").servesWhenOn()).contains("v2");
        assertThat(r.environments().get("ser.stagingKey9").on()).isFalse();
        assertThat(r.environments().get("ser.prodKey123").lastModified()).isPresent();

        assertThat(PROVIDER.flip(FLAGSMITH, "new-emails", "ser.prodKey123", false, "Flightdeck request FL-1 by U1"))
                .isEqualTo(new FlagProvider.Flipped());
        assertThat(FS.isEnabled("ser.prodKey123", "new-emails")).isFalse();
        assertThat(FS.isEnabled("ser.stagingKey9", "new-emails")).isFalse();
        FakeFlagsmith.Request patch = FS.requests().stream().filter(x -> x.method().equals("PATCH")).findFirst().orElseThrow();
        assertThat(patch.path()).matches("/api/v1/environments/ser\\.prodKey123/featurestates/[0-9]+/");
        assertThat(patch.authorization()).isEqualTo("Token " + FS_TOKEN);
        assertThat(patch.body()).isEqualTo("{\"enabled\":false}");
        assertThat(patch.status()).isEqualTo(200);
        assertThat(FS.requests()).allSatisfy(x -> assertThat(x.path()).startsWith("/api/v1/environments/"));
    }

    @Test
    void flagsmithSaysWhatItRefusedAndAnUnknownFeatureIsNotFound() {
        FS.feature("ser.prodKey123", "refused-feature", true, null);
        FlagsConfig.Flagsmith wrong = new FlagsConfig.Flagsmith("WRONG", Map.of(), Set.of());
        assertThatThrownBy(() -> PROVIDER.read(wrong, "refused-feature", List.of("ser.prodKey123")))
                .isInstanceOfSatisfying(FlagProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FlagProviderException.Kind.REFUSED);
                    assertThat(e.getMessage()).isEqualTo("Flagsmith refused the token (HTTP 401) while reading feature "
                            + "refused-feature: Invalid token.").doesNotContain("not-the-token");
                });
        assertThat(PROVIDER.flip(wrong, "refused-feature", "ser.prodKey123", false, "c"))
                .isInstanceOfSatisfying(FlagProvider.Failed.class, f -> assertThat(f.message()).contains("HTTP 401"));
        assertThat(FS.isEnabled("ser.prodKey123", "refused-feature")).isTrue();
        assertThatThrownBy(() -> PROVIDER.read(FLAGSMITH, "no-such-feature", List.of("ser.prodKey123")))
                .isInstanceOfSatisfying(FlagProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FlagProviderException.Kind.NOT_FOUND));
    }

    @Test
    void launchDarklyRefusalsReadAsTheVendorSaidAndOutagesAreRetried() throws Exception {
        FlagsConfig.LaunchDarkly config = new FlagsConfig.LaunchDarkly("default", "LD_TOKEN", Map.of(), Set.of());
        LD.flag("default", "retry-me", "Retry me", Map.of("production", false));

        LD.failNext(503, "service_unavailable", "Try again", Map.of());
        assertThat(PROVIDER.read(config, "retry-me", List.of("production")).environments().get("production").on())
                .isFalse();
        assertThat(PROVIDER.flip(config, "retry-me", "nowhere", true, "Flightdeck request FL-9 by U1"))
                .isEqualTo(new FlagProvider.Failed("LaunchDarkly refused it (HTTP 400) while turning flag retry-me on in "
                        + "nowhere: Unknown environment key nowhere"));
        for (int i = 0; i < FlagHttp.ATTEMPTS; i++) {
            LD.failNext(500, "internal_error", "Internal error", Map.of());
        }
        assertThat(PROVIDER.flip(config, "retry-me", "production", true, "c"))
                .isInstanceOfSatisfying(FlagProvider.Failed.class, f -> assertThat(f.message())
                        .isEqualTo("LaunchDarkly failed (HTTP 500) while turning flag retry-me on in production: "
                                + "Internal error"));
        assertThat(LD.isOn("default", "retry-me", "production")).isFalse();
        FlagsConfig.LaunchDarkly wrong = new FlagsConfig.LaunchDarkly("default", "WRONG", Map.of(), Set.of());
        assertThatThrownBy(() -> PROVIDER.read(wrong, "retry-me", List.of("production")))
                .hasMessage("LaunchDarkly refused the token (HTTP 401) while reading flag retry-me: Invalid access token");
        assertThatThrownBy(() -> PROVIDER.read(config, "missing", List.of("production")))
                .isInstanceOfSatisfying(FlagProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(FlagProviderException.Kind.NOT_FOUND));
    }
}
