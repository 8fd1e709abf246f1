package dev.flightdeck.web.signin;

import dev.flightdeck.web.WebSettings;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.cookie.TokenCookieConfigurationProperties;
import jakarta.inject.Singleton;

/** The session cookie is Secure exactly when the public base URL is https (a local http run could not sign in otherwise). */
@Singleton
public class SessionCookieSettings implements BeanCreatedEventListener<TokenCookieConfigurationProperties> {

    private final WebSettings settings;

    public SessionCookieSettings(WebSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenCookieConfigurationProperties onCreated(BeanCreatedEvent<TokenCookieConfigurationProperties> event) {
        TokenCookieConfigurationProperties cookie = event.getBean();
        cookie.setCookieSecure(settings.https());
        cookie.setCookieHttpOnly(true);
        return cookie;
    }
}
