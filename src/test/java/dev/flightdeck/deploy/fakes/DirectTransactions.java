package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.DeployTransactions;

import java.util.function.Supplier;

/** No database, no transaction: the in-memory repository's writes are already atomic one by one. */
public final class DirectTransactions implements DeployTransactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
