package dev.flightdeck.deploy.ships;

import java.time.Duration;
import java.util.List;

/** What a deploy ships, as the go/no-go message and the deploy page show it; the words are chosen where it is shown. */
public sealed interface Ships {

    /** The service names no repository: nothing is shown. */
    record NotTracked() implements Ships {
    }

    /** Nothing has SUCCEEDED in this environment yet. */
    record FirstDeploy(String service, String environment) implements Ships {
    }

    /** The requested version is the live one. */
    record NothingNew(String live) implements Ships {
    }

    /**
     * The commits since the live version: {@code total} in all, the first {@code shown} of them (oldest first).
     * {@code takenAway} counts the live version's commits the requested one lacks (a rollback, or diverged history).
     */
    record Commits(String live, int total, List<ShippedCommit> shown, int takenAway, String compareUrl) implements Ships {
        public Commits {
            shown = List.copyOf(shown);
        }
    }

    /** The requested version is older than the live one: {@code takenAway} commits go back out. */
    record Rollback(String live, int takenAway, String compareUrl) implements Ships {
    }

    /** The code host failed; {@code reason} is its adapter's account of why. */
    record Unreadable(String reason) implements Ships {
    }

    /** The code host did not answer in time; the request went on without it. */
    record TimedOut(Duration waited) implements Ships {
    }
}
