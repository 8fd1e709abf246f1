package dev.flightdeck.persistence;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.data.connection.jdbc.DelegatingDataSourceResolver;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

/**
 * What Flyway (and the pool's metrics) resolve the DataSource bean to: the bare pool, behind Micronaut Data's
 * contextual proxy and {@link GatedDataSource}, so the migrations the gate waits for are not held by it.
 */
@Singleton
@Replaces(DelegatingDataSourceResolver.class)
public class GateAwareDataSourceResolver implements DataSourceResolver {

    @Override
    public DataSource resolve(DataSource dataSource) {
        DataSource inner = DelegatingDataSource.unwrapDataSource(dataSource);
        return inner instanceof GatedDataSource gated ? gated.pool() : inner;
    }
}
