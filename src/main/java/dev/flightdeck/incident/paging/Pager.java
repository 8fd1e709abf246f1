package dev.flightdeck.incident.paging;

/**
 * Sends a page's events to the target's pager (port: PagerDuty's Events API v2 and Opsgenie's Alert API in the
 * {@code pager} adapter). One try per call: the sender keeps the page and decides when to try again.
 */
public interface Pager {

    /** How the pager answered one event. {@code reason} is in plain words, never a key. */
    sealed interface Delivery {
        record Accepted() implements Delivery {
        }

        /** Worth another try later: 5xx, 429, no answer. */
        record TryAgain(String reason) implements Delivery {
        }

        /** Will never succeed as it is (a bad key, no permission, an invalid event): the page fails. */
        record Refused(String reason) implements Delivery {
        }
    }

    Delivery send(OncallTarget target, PageEvent event);
}
