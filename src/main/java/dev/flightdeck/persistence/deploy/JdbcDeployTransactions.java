package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.DeployTransactions;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

/** {@link DeployTransactions} on the default datasource's transaction manager. */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcDeployTransactions implements DeployTransactions {

    private final TransactionOperations<Connection> transactions;

    public JdbcDeployTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.executeWrite(status -> work.get());
    }
}
