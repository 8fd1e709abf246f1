package dev.flightdeck.web.signin;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.config.TokenCookieConfiguration;
import io.micronaut.security.errors.CookiePriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Optional;

/**
 * The page asked for before sign-in (a link from Slack) is where sign-in leads back to, but only a path on this
 * host: "//evil.example/x" or "https://…" in the cookie would make sign-in an open redirect.
 */
@Singleton
@Replaces(CookiePriorToLoginPersistence.class)
public class ReturnTo extends CookiePriorToLoginPersistence {

    public ReturnTo(TokenCookieConfiguration cookieConfiguration) {
        super(cookieConfiguration);
    }

    @Override
    public Optional<URI> getOriginalUri(HttpRequest<?> request, MutableHttpResponse<?> response) {
        return super.getOriginalUri(request, response).filter(uri -> isLocalPath(uri.toString()));
    }

    /** A relative path on this host: one leading slash, no scheme, no host, no backslash tricks. */
    public static boolean isLocalPath(String target) {
        if (target == null || target.isEmpty() || target.charAt(0) != '/' || target.length() > 2000) {
            return false;
        }
        if (target.startsWith("//") || target.contains("\\") || target.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        try {
            URI uri = new URI(target);
            return uri.getScheme() == null && uri.getHost() == null && uri.getRawAuthority() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
