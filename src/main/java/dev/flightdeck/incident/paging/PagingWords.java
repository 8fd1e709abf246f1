package dev.flightdeck.incident.paging;

/** The pager's name as the timeline and the audit trail say it (plain words, no markup). */
public final class PagingWords {
    private PagingWords() {
    }

    public static String kind(OncallTarget target) {
        return target instanceof OncallTarget.PagerDuty ? "PagerDuty" : "Opsgenie";
    }
}
