package dev.flightdeck.persistence;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VendorMigrationsTest {

    @Test
    void picksTheMigrationFolderFromTheJdbcUrl() {
        assertThat(VendorMigrations.vendorOf("default", "jdbc:postgresql://db:5432/flightdeck")).isEqualTo("postgresql");
        assertThat(VendorMigrations.vendorOf("default", "jdbc:h2:file:./data/flightdeck;MODE=PostgreSQL")).isEqualTo("h2");
    }

    @Test
    void refusesOtherDatabasesWithoutEchoingTheUrl() {
        assertThatThrownBy(() -> VendorMigrations.vendorOf("default", "jdbc:mysql://db/fd?password=hunter2"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("datasources.default.url")
                .hasMessageContaining("jdbc:mysql:")
                .hasMessageNotContaining("hunter2");
    }
}
