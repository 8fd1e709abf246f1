package dev.flightdeck.incident.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where follow-ups are kept (port). Every change is a compare-and-set on the version the caller read: of two
 * clicks, replicas or runs, one write wins and the other gets empty (and does nothing more).
 */
public interface FollowUpStore {

    record NewFollowUp(long incidentNumber, String text, Optional<String> link, String owner, String createdBy,
                       Instant createdAt, LocalDate due, Instant firstReminder, FollowUp.Export export) {
    }

    FollowUp add(NewFollowUp followUp);

    Optional<FollowUp> find(long id);

    /** An incident's follow-ups, oldest first. */
    List<FollowUp> ofIncident(long incidentNumber);

    /** Open follow-ups (of {@code owner} when given), by due date. */
    List<FollowUp> open(Optional<String> owner, int limit);

    /** Every follow-up (of {@code owner} when given), newest first. */
    List<FollowUp> all(Optional<String> owner, int limit);

    /** Writes {@code after} if the row is still at {@code after.version()}; the stored result, or empty. */
    Optional<FollowUp> update(FollowUp after);

    /** Open follow-ups whose reminder is due by {@code now}. */
    List<FollowUp> dueReminders(Instant now, int limit);

    Optional<Instant> nextReminder();

    /** Follow-ups whose export is owed and due by {@code now}. */
    List<FollowUp> dueExports(Instant now, int limit);

    Optional<Instant> nextExport();

    /** The follow-up exported as {@code key} ({@code acme/ops#12}, {@code OPS-7}). */
    Optional<FollowUp> byExportKey(String key);

    /** Open follow-ups exported to a tracker whose keys start with {@code prefix}, by id after {@code afterId}, oldest
     *  first (for polling, a page at a time). */
    List<FollowUp> openExported(String prefix, long afterId, int limit);
}
