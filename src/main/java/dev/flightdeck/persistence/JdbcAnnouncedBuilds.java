package dev.flightdeck.persistence;

import dev.flightdeck.deploy.AnnouncedBuilds;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;

@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcAnnouncedBuilds implements AnnouncedBuilds {

    private final BuildAnnouncementRows rows;

    public JdbcAnnouncedBuilds(BuildAnnouncementRows rows) {
        this.rows = rows;
    }

    @Override
    public boolean firstTime(String key, Instant at) {
        // Keys are built from backend, label and status; cap them to the column rather than fail on an odd label.
        return rows.insertIfAbsent(key.length() > 500 ? key.substring(0, 500) : key, at) == 1;
    }
}
