package dev.flightdeck.deploy;

import java.util.function.Supplier;

/** Runs work in one database transaction (port): row locks taken by {@link DeployRepository#findForUpdate} hold until it ends. */
public interface DeployTransactions {
    <T> T inTransaction(Supplier<T> work);
}
