package dev.flightdeck.incident.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One follow-up of an incident: what is to be done (as typed, or a message's text), where it came from (a message
 * link), whose it is, by when, and where it stands. {@code closedBy}/{@code closedWhy} say who closed it and why
 * (a person's id, or {@code github:…}/{@code jira:…} when the tracker closed it). {@code nextRemindAt} is when its
 * owner is next reminded by DM (empty once closed); {@code reminders} counts the DMs sent. {@code export} is where
 * it went in the configured tracker. {@code version} moves on every change (compare-and-set).
 */
public record FollowUp(long id, long version, long incidentNumber, String text, Optional<String> link, String owner,
                       String createdBy, Instant createdAt, LocalDate due, FollowUpState state,
                       Optional<String> closedBy, Optional<String> closedWhy, Optional<Instant> closedAt,
                       Optional<Instant> nextRemindAt, int reminders, Export export) {

    /** The longest text kept (a message made into a follow-up is cut to this). */
    public static final int MAX_TEXT = 2000;

    /**
     * The tracker side: {@code state} NONE (no tracker configured), PENDING (owed, tried at {@code nextAt}), DONE
     * ({@code key} and {@code url} of the issue: {@code acme/ops#12} or {@code OPS-7}).
     */
    public record Export(ExportState state, Optional<String> key, Optional<String> url, int attempts,
                         Optional<Instant> nextAt, Optional<String> lastError) {

        public static Export none() {
            return new Export(ExportState.NONE, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty());
        }

        public static Export pending(Instant at) {
            return new Export(ExportState.PENDING, Optional.empty(), Optional.empty(), 0, Optional.of(at), Optional.empty());
        }
    }

    public enum ExportState {
        NONE, PENDING, DONE
    }

    public String incidentId() {
        return "INC-" + incidentNumber;
    }

    public boolean isOpen() {
        return state == FollowUpState.OPEN;
    }

    /** Overdue on {@code today}: open and its due day has passed. */
    public boolean overdueOn(LocalDate today) {
        return isOpen() && due.isBefore(today);
    }
}
