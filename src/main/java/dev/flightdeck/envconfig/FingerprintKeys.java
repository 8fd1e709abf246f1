package dev.flightdeck.envconfig;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The installation's fingerprint key. {@code FLIGHTDECK_FINGERPRINT_KEY} (setting {@code envconfig.fingerprint-key},
 * at least 16 characters) wins when set, for installations that want to manage it themselves. Otherwise a random
 * 32-byte key is generated once and kept in the database ({@code fingerprint_key} table), which every replica
 * shares and which survives restarts; the first replica to store one wins and the others read it.
 */
@Factory
public class FingerprintKeys {

    private static final Logger LOG = LoggerFactory.getLogger(FingerprintKeys.class);
    static final int MIN_SETTING_LENGTH = 16;

    @Singleton
    Fingerprinter fingerprinter(@Value("${envconfig.fingerprint-key:}") String setting, FingerprintKeyStore store) {
        return new Fingerprinter(key(setting, store));
    }

    static byte[] key(String setting, FingerprintKeyStore store) {
        if (setting != null && !setting.isBlank()) {
            if (setting.length() < MIN_SETTING_LENGTH) {
                throw new IllegalStateException("FLIGHTDECK_FINGERPRINT_KEY must have at least " + MIN_SETTING_LENGTH
                        + " characters; leave it unset to have Flightdeck generate and store one");
            }
            return setting.getBytes(StandardCharsets.UTF_8);
        }
        return store.loadOrCreate(() -> {
            LOG.info("No fingerprint key stored yet: generating this installation's key");
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        });
    }
}
