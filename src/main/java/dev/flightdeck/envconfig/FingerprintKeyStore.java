package dev.flightdeck.envconfig;

import java.util.function.Supplier;

/**
 * Where the installation's fingerprint key is kept so it survives restarts and is the same on every replica.
 * Fingerprints only compare if they were made with the same key.
 */
public interface FingerprintKeyStore {

    /** The stored key; if none is stored yet, stores {@code fresh} unless another replica won the race first. */
    byte[] loadOrCreate(Supplier<byte[]> fresh);
}
