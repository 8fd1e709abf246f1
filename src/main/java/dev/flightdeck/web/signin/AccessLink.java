package dev.flightdeck.web.signin;

import dev.flightdeck.web.WebSettings;
import dev.flightdeck.web.WebSettingsFactory;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where Sign in with Slack is not configured (a local run), one random link made at start and printed once, as
 * Jupyter does: whoever can read the start-up log may open the pages. It is never valid when Slack sign-in is on.
 */
@Singleton
public class AccessLink {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLink.class);

    private final WebSettings settings;
    private final boolean baseUrlSet;
    private final byte[] token;

    public AccessLink(WebSettings settings, @Value("${flightdeck.web.base-url:}") String baseUrl) {
        this.settings = settings;
        this.baseUrlSet = !baseUrl.isBlank();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }

    public boolean enabled() {
        return !settings.slackSignin();
    }

    /** Constant-time comparison, so the token cannot be guessed a character at a time. */
    public boolean accepts(String offered) {
        return enabled() && offered != null
                && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.US_ASCII));
    }

    /** After the server has bound, so the link names the port it really listens on. */
    @EventListener
    void onStartup(ServerStartupEvent event) {
        if (enabled()) {
            String base = baseUrlSet ? settings.base() : WebSettingsFactory.localBase(event.getSource().getPort());
            // Printed on purpose: this line is how a local user gets in (the link works until the next start).
            LOG.info("Manager pages: open {}/signin?token={}", base, new String(token, StandardCharsets.US_ASCII));
        }
    }
}
