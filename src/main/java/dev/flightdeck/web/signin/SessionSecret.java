package dev.flightdeck.web.signin;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs session cookies: FLIGHTDECK_WEB_SESSION_SECRET when set (replicas share it), else 256 random
 * bits made at start ("generate"), so a local run needs no setting and a restart ends every session.
 */
@Singleton
public class SessionSecret implements BeanCreatedEventListener<SecretSignatureConfiguration> {

    static final String GENERATE = "generate";
    private static final int MIN_LENGTH = 32;

    @Override
    public SecretSignatureConfiguration onCreated(BeanCreatedEvent<SecretSignatureConfiguration> event) {
        SecretSignatureConfiguration config = event.getBean();
        String secret = config.getSecret();
        if (secret == null || secret.isBlank() || GENERATE.equals(secret)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            config.setSecret(Base64.getEncoder().encodeToString(random));
            config.setBase64(true);
        } else if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("FLIGHTDECK_WEB_SESSION_SECRET must be at least " + MIN_LENGTH + " characters");
        }
        return config;
    }
}
