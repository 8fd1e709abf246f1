package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.PromotionClaims;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** {@link PromotionClaims} on the {@code deploy_promotion} table: a unique key and conditional updates. */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcPromotionClaims implements PromotionClaims {

    private final DeployPromotionRows rows;

    public JdbcPromotionClaims(DeployPromotionRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean claim(Key key, String token, String by, Instant at, Instant staleBefore) {
        return rows.insertIfAbsent(key.service(), key.environment(), key.version(), token, by, at) == 1
                || rows.takeOver(key.service(), key.environment(), key.version(), token, by, at, staleBefore) == 1;
    }

    @Override
    public void opened(Key key, String token, long deployId) {
        rows.opened(key.service(), key.environment(), key.version(), token, deployId);
    }

    @Override
    public void release(Key key, String token) {
        rows.release(key.service(), key.environment(), key.version(), token);
    }

    @Override
    public Optional<Claim> find(Key key) {
        return rows.find(key.service(), key.environment(), key.version())
                .map(r -> new Claim(r.claimedBy(), r.claimedAt(), r.deployId()));
    }
}
