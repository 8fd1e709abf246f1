package dev.flightdeck.ready;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database has its schema yet. Flyway's migrations run in the background at start-up (so the Slack edge
 * answers what needs no database, {@code /deploy help}, while they run); everything that needs the database waits
 * here first ({@code persistence.MigrationGate} holds every connection back until then), readiness says DOWN until then,
 * and the replay guard remembers what it saw before. A failed migration is final: waits end at once with its cause.
 */
@Singleton
public class DatabaseReady {

    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    /** Ready from the start: no migrations to wait for (tests, tools, a database migrated in the foreground). */
    public static DatabaseReady already() {
        DatabaseReady r = new DatabaseReady();
        r.markReady();
        return r;
    }

    public void markReady() {
        ready.complete(null);
    }

    public void markFailed(Throwable cause) {
        ready.completeExceptionally(cause);
    }

    public boolean isReady() {
        return ready.isDone() && !ready.isCompletedExceptionally();
    }

    /** Why the database will never be ready (its migration failed); empty while waiting or once ready. */
    public Optional<Throwable> failure() {
        if (!ready.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            ready.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Runs {@code action} once the database is ready (at once if it is; never if its migration failed). */
    public void whenReady(Runnable action) {
        ready.thenRun(action);
    }

    /**
     * Waits at most {@code max} for the schema.
     *
     * @throws NotReady when it is not there in time, or its migration failed (the message says which)
     */
    public void await(Duration max) {
        if (isReady()) {
            return;
        }
        try {
            ready.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotReady("the database is still being migrated (waited " + max.toMillis() + " ms)", null);
        } catch (ExecutionException e) {
            throw new NotReady("the database migration failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while waiting for the database migration", e);
        }
    }

    /** The database is not usable yet, or will not be (a failed migration). */
    public static final class NotReady extends IllegalStateException {
        public NotReady(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
