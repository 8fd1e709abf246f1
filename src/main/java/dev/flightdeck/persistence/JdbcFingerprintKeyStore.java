package dev.flightdeck.persistence;

import dev.flightdeck.envconfig.FingerprintKeyStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

/** {@link FingerprintKeyStore} on the {@code fingerprint_key} table: one row, written once. */
@Singleton
public class JdbcFingerprintKeyStore implements FingerprintKeyStore {

    private static final int THE_ROW = 1;

    private final FingerprintKeyRepository repository;
    private final Clock clock;

    public JdbcFingerprintKeyStore(FingerprintKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public byte[] loadOrCreate(Supplier<byte[]> fresh) {
        var stored = repository.findById(THE_ROW);
        if (stored.isEmpty()) {
            repository.insertIfAbsent(THE_ROW, HexFormat.of().formatHex(fresh.get()), clock.instant());
            stored = repository.findById(THE_ROW);
        }
        return HexFormat.of().parseHex(stored.orElseThrow(() ->
                new IllegalStateException("fingerprint_key has no row after inserting one")).keyHex());
    }
}
