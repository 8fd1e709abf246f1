package dev.flightdeck.alerts;

import dev.flightdeck.text.SharedSecret;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * FLIGHTDECK_ALERTS_TOKEN ({@code flightdeck.alerts-token}): the bearer token Grafana's contact point and New Relic's
 * webhook destination send in {@code Authorization}, compared in constant time. A Sentry internal integration can
 * set no header; it signs each body with its Client Secret ({@code Sentry-Hook-Signature}, hex HMAC-SHA256), so
 * Sentry is let in when that secret is the token.
 */
@Singleton
public class AlertsToken {

    static final String SENTRY_SIGNATURE = "Sentry-Hook-Signature";

    /** What a delivery's credentials came to. */
    enum Check {
        MISSING, WRONG, VALID
    }

    private final SharedSecret secret;

    public AlertsToken(@Value("${flightdeck.alerts-token:}") String token) {
        this.secret = new SharedSecret(token);
    }

    boolean configured() {
        return secret.configured();
    }

    Check check(String authorization, String sentrySignature, byte[] body) {
        if (authorization != null && !authorization.isBlank()) {
            String value = authorization.strip();
            boolean bearer = value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ");
            return bearer && secret.matches(value.substring(7)) ? Check.VALID : Check.WRONG;
        }
        if (sentrySignature != null && !sentrySignature.isBlank()) {
            return secret.signs(body, sentrySignature) ? Check.VALID : Check.WRONG;
        }
        return Check.MISSING;
    }
}
