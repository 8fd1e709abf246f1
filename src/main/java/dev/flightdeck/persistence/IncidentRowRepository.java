package dev.flightdeck.persistence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Incident rows. Changes are single-column (or single-purpose) conditional updates rather than whole-row saves,
 * so two pieces of work on one incident never overwrite each other.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IncidentRowRepository extends CrudRepository<IncidentRow, Long> {

    Optional<IncidentRow> findByChannelId(String channelId);

    // The open statuses by name, so the status index finds the few open ones among years of resolved incidents.
    @Query("SELECT * FROM incident WHERE status IN ('INVESTIGATING', 'IDENTIFIED', 'MONITORING') ORDER BY id")
    List<IncidentRow> findOpen();

    @Query("SELECT * FROM incident WHERE started_at >= :from AND started_at < :until ORDER BY id DESC LIMIT :limit")
    List<IncidentRow> findStartedBetween(Instant from, Instant until, int limit);

    // A page of the past incidents: incident_status_id (status, id) read backwards from :before, stopping at the
    // page's limit. The order names the (fixed) status too: H2 reads an index in order only for the order's columns
    // from the index's first; ordered by id alone it read every resolved incident ever (issue 20, growth on H2).
    @Query("""
            SELECT * FROM incident WHERE status = 'RESOLVED' AND started_at >= :from AND started_at < :until
               AND id < :before ORDER BY status DESC, id DESC LIMIT :limit""")
    List<IncidentRow> findResolvedPage(Instant from, Instant until, long before, int limit);

    @Query("""
            SELECT * FROM incident WHERE status = 'RESOLVED' AND started_at >= :from AND started_at < :until
               AND severity = :severity AND id < :before ORDER BY status DESC, id DESC LIMIT :limit""")
    List<IncidentRow> findResolvedPageOf(Instant from, Instant until, String severity, long before, int limit);

    @Query("""
            UPDATE incident SET setup_lease_until = :until
            WHERE id = :id AND setup_complete = FALSE AND (setup_lease_until IS NULL OR setup_lease_until <= :now)""")
    int claimSetup(long id, Instant now, Instant until);

    @Query("SELECT * FROM incident WHERE setup_complete = FALSE AND setup_lease_until <= :now ORDER BY id")
    List<IncidentRow> findStalled(Instant now);

    @Query("UPDATE incident SET channel_id = :channelId, channel_name = :channelName WHERE id = :id AND channel_id IS NULL")
    int setChannel(long id, String channelId, String channelName);

    @Query("UPDATE incident SET card_ts = :ts WHERE id = :id")
    int setCard(long id, String ts);

    @Query("UPDATE incident SET invited_at = :at WHERE id = :id")
    int markInvited(long id, Instant at);

    @Query("UPDATE incident SET pinned_at = :at WHERE id = :id")
    int markPinned(long id, Instant at);

    @Query("UPDATE incident SET topic_set_at = :at WHERE id = :id")
    int markTopicSet(long id, Instant at);

    @Query("UPDATE incident SET announced_at = :at WHERE id = :id")
    int markAnnounced(long id, Instant at);

    @Query("UPDATE incident SET setup_complete = TRUE, setup_lease_until = NULL WHERE id = :id")
    int markSetupComplete(long id);

    @Query("UPDATE incident SET commander_id = :userId WHERE id = :id")
    int setCommander(long id, String userId);

    @Query("UPDATE incident SET communicator_id = :userId WHERE id = :id")
    int setCommunicator(long id, String userId);

    @Query("UPDATE incident SET severity = :severity, next_reminder_at = :next WHERE id = :id AND status <> 'RESOLVED'")
    int setSeverity(long id, String severity, @Nullable Instant next);

    @Query("""
            UPDATE incident SET status = :status, last_update_at = :at, first_update_at = COALESCE(first_update_at, :at),
                next_reminder_at = :next
            WHERE id = :id AND status <> 'RESOLVED'""")
    int recordUpdate(long id, String status, Instant at, @Nullable Instant next);

    @Query("""
            UPDATE incident SET status = 'RESOLVED', resolved_at = :at, next_reminder_at = NULL,
                summary_text = :summary, affected = :affected, what_happened = :whatHappened, prevention = :prevention
            WHERE id = :id AND status <> 'RESOLVED'""")
    int resolve(long id, Instant at, String summary, String affected, String whatHappened, String prevention);

    @Query("SELECT * FROM incident WHERE status <> 'RESOLVED' AND next_reminder_at <= :now ORDER BY next_reminder_at, id")
    List<IncidentRow> findDueReminders(Instant now);

    @Query("UPDATE incident SET next_reminder_at = :next WHERE id = :id AND next_reminder_at = :due")
    int claimReminder(long id, Instant due, @Nullable Instant next);
}
