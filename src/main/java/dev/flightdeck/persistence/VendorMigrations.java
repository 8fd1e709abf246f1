package dev.flightdeck.persistence;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.Location;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Adds the database's own migration folder to Flyway: {@code classpath:db/migration} holds the portable SQL
 * every database runs; {@code classpath:db/postgresql} or {@code classpath:db/h2} holds what cannot be
 * portable (today: the triggers that make audit_event append-only; PostgreSQL's are PL/pgSQL, H2's is a Java
 * class). The vendor comes from the datasource URL, as Spring Boot's {@code {vendor}} placeholder does;
 * Flyway itself has no such placeholder.
 *
 * <p>Versioning: one version sequence across all folders. Portable migrations take whole numbers (V2, V3...);
 * a vendor-specific step takes a point version after the migration it belongs to (V1_1) and exists in
 * both vendor folders with the same version and description, so both databases report the same history
 * ({@code MigrationsTest} checks this).
 */
@Singleton
public class VendorMigrations implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    private final Environment environment;

    public VendorMigrations(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        String name = flyway.getNameQualifier();
        String url = flyway.hasAlternativeDatabaseConfiguration()
                ? flyway.getUrl()
                : environment.getProperty("datasources." + name + ".url", String.class).orElse("");
        String folder = "classpath:db/" + vendorOf(name, url);
        String[] locations = Stream.concat(
                        Arrays.stream(flyway.getFluentConfiguration().getLocations()).map(Location::getDescriptor),
                        Stream.of(folder))
                .distinct()
                .toArray(String[]::new);
        flyway.setLocations(locations);
        return flyway;
    }

    static String vendorOf(String datasourceName, String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        // Only the scheme: the rest of a JDBC URL may carry a password.
        String scheme = url.startsWith("jdbc:") ? url.substring(0, url.indexOf(':', 5) + 1) : "(no jdbc: URL)";
        throw new ConfigurationException("datasources." + datasourceName + ".url must be an H2 or PostgreSQL JDBC URL"
                + " (jdbc:h2:... or jdbc:postgresql:...), got " + scheme);
    }
}
