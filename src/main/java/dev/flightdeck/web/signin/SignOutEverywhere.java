package dev.flightdeck.web.signin;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.LogoutEvent;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Sign-out ends the session on the server, not only in the browser: the cookie is a signed token that would stay
 * valid until it expires, so a copy of it (a shared machine, a proxy log) would still open the pages. Sign-out records
 * the time for that user; every replica then refuses the user's sessions issued up to then (all their devices).
 */
@Singleton
public class SignOutEverywhere implements ApplicationEventListener<LogoutEvent>, GenericJwtClaimsValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(SignOutEverywhere.class);

    private final SignedOutUsers signedOut;
    private final String issuer;
    // The real clock, as SessionClaims uses for the sign-in time it is compared with.
    private final Clock clock = Clock.systemUTC();

    public SignOutEverywhere(SignedOutUsers signedOut, @Value("${micronaut.application.name}") String issuer) {
        this.signedOut = signedOut;
        this.issuer = issuer;
    }

    @Override
    public void onApplicationEvent(LogoutEvent event) {
        if (event.getSource() instanceof Authentication authentication) {
            signedOut.signedOut(authentication.getName(), clock.instant());
        }
    }

    /** A primary-key lookup per page request with a session cookie; a database fault refuses the session. */
    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Optional<Long> issuedMillis = issuedMillis(claims);
        if (issuedMillis.isEmpty() || !(claims.get(Claims.SUBJECT) instanceof String subject)) {
            return true;
        }
        try {
            return signedOut.lastSignOut(subject).map(at -> issuedMillis.get() > at.toEpochMilli()).orElse(true);
        } catch (RuntimeException e) {
            LOG.warn("Could not check whether a session was signed out ({}); refusing it", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * When our session token was issued; empty for another issuer's token (Slack's ID token during sign-in is checked by
     * the same validators, and its user may have signed out a moment ago).
     */
    private Optional<Long> issuedMillis(Claims claims) {
        if (claims.get(SessionClaims.SIGNED_IN_MILLIS) instanceof Number millis) {
            return Optional.of(millis.longValue());
        }
        if (!issuer.equals(claims.get(Claims.ISSUER))) {
            return Optional.empty();
        }
        // Issued before sign-in times in milliseconds: whole seconds, so a same-second sign-out still ends it.
        return Optional.ofNullable(claims.get(Claims.ISSUED_AT)).map(SignOutEverywhere::epochMillis);
    }

    private static long epochMillis(Object iat) {
        if (iat instanceof Date date) return date.getTime();
        if (iat instanceof Instant instant) return instant.toEpochMilli();
        return ((Number) iat).longValue() * 1000;
    }
}
