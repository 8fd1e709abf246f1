package dev.flightdeck.web.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.security.token.claims.ClaimsAudienceProvider;
import io.micronaut.security.token.claims.JtiGenerator;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.generator.claims.JWTClaimsSetGenerator;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The session token's claims, plus the sign-in time in milliseconds: {@code iat} has whole seconds only, so without it a
 * sign-in in the same second as a sign-out could not be told apart from a session that sign-out ended.
 */
@Singleton
@Replaces(JWTClaimsSetGenerator.class)
public class SessionClaims extends JWTClaimsSetGenerator {

    static final String SIGNED_IN_MILLIS = "signed_in_ms";

    // The real clock, as for iat and exp: the application's Clock may be a test clock that stands still.
    private final Clock clock = Clock.systemUTC();

    public SessionClaims(TokenConfiguration tokenConfiguration, @Nullable JtiGenerator jwtIdGenerator,
                         @Nullable ClaimsAudienceProvider claimsAudienceProvider,
                         @Nullable ApplicationConfiguration applicationConfiguration) {
        super(tokenConfiguration, jwtIdGenerator, claimsAudienceProvider, applicationConfiguration);
    }

    @Override
    protected void populateIat(JWTClaimsSet.Builder builder) {
        super.populateIat(builder);
        builder.claim(SIGNED_IN_MILLIS, clock.millis());
    }
}
