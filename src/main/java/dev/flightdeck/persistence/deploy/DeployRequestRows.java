package dev.flightdeck.persistence.deploy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DeployRequestRows extends CrudRepository<DeployRequestRow, Long> {

    /** Row lock until the transaction ends (PostgreSQL, and H2's MVStore). */
    @Query("SELECT * FROM deploy_request WHERE id = :id FOR UPDATE")
    Optional<DeployRequestRow> findByIdForUpdate(long id);

    /** The conditional update every transition is: only a writer that read {@code fromState} changes the row. */
    @Query("""
            UPDATE deploy_request SET state = :toState, row_version = row_version + 1, state_actor = :actor,
                   state_reason = :reason, state_changed_at = :changedAt, started_at = :startedAt,
                   finished_at = :finishedAt, next_nudge_at = :nextNudgeAt, nudges_sent = :nudgesSent,
                   expires_at = :expiresAt
             WHERE id = :id AND state = :fromState""")
    int transition(long id, String fromState, String toState, @Nullable String actor, @Nullable String reason,
                   Instant changedAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
                   @Nullable Instant nextNudgeAt, int nudgesSent, @Nullable Instant expiresAt);

    @Query("UPDATE deploy_request SET channel_id = :channelId, message_ts = :messageTs WHERE id = :id")
    int saveMessage(long id, String channelId, String messageTs);

    /** Keeps what is stored when an update brings only one of the two (a null leaves its column as it is). */
    @Query("""
            UPDATE deploy_request SET build_label = COALESCE(:label, build_label), build_url = COALESCE(:url, build_url)
             WHERE id = :id""")
    int saveBuild(long id, @Nullable String label, @Nullable String url);

    /**
     * Claims a nudge with a lease: only the replica that still sees the due time it read moves it to the lease end;
     * the nudge is not counted yet, so if this replica dies before sending, any replica sends it when the lease ends.
     */
    @Query("""
            UPDATE deploy_request SET next_nudge_at = :leaseUntil, row_version = row_version + 1
             WHERE id = :id AND state = :state AND next_nudge_at = :due""")
    int claimNudge(long id, String state, Instant due, Instant leaseUntil);

    /** After the send: counts the nudge and sets the regular next time, only if our lease still holds. */
    @Query("""
            UPDATE deploy_request SET next_nudge_at = :next, nudges_sent = nudges_sent + 1, row_version = row_version + 1
             WHERE id = :id AND state = :state AND next_nudge_at = :leaseUntil""")
    int completeNudge(long id, String state, Instant leaseUntil, @Nullable Instant next);

    @Query("""
            SELECT * FROM deploy_request WHERE message_ts IS NULL AND requested_at < :before
               AND state IN (:pending) ORDER BY id LIMIT :limit""")
    List<DeployRequestRow> withoutMessage(Instant before, Collection<String> pending, int limit);

    @Query("""
            SELECT * FROM deploy_request WHERE next_nudge_at <= :now AND state IN (:pending)
             ORDER BY next_nudge_at, id LIMIT :limit""")
    List<DeployRequestRow> dueNudges(Instant now, Collection<String> pending, int limit);

    @Query("""
            SELECT * FROM deploy_request WHERE expires_at <= :now AND state IN (:pending)
             ORDER BY expires_at, id LIMIT :limit""")
    List<DeployRequestRow> dueExpiries(Instant now, Collection<String> pending, int limit);

    @Query("SELECT * FROM deploy_request WHERE state IN (:states) ORDER BY id DESC LIMIT :limit")
    List<DeployRequestRow> inStates(Collection<String> states, int limit);

    @Query("SELECT * FROM deploy_request WHERE state IN (:states) AND service = :service ORDER BY id DESC LIMIT :limit")
    List<DeployRequestRow> inStatesOf(Collection<String> states, String service, int limit);

    @Query("SELECT * FROM deploy_request WHERE service = :service ORDER BY id DESC LIMIT :limit")
    List<DeployRequestRow> history(String service, int limit);

    @Query("SELECT * FROM deploy_request WHERE service = :service AND environment = :environment ORDER BY id DESC LIMIT :limit")
    List<DeployRequestRow> historyIn(String service, String environment, int limit);

    @Query("""
            SELECT * FROM deploy_request WHERE service = :service AND environment = :environment AND id <> :exceptId
               AND state IN (:inFlight) ORDER BY id LIMIT 1""")
    Optional<DeployRequestRow> inFlight(String service, String environment, long exceptId, Collection<String> inFlight);

    @Query("""
            SELECT * FROM deploy_request WHERE service = :service AND environment = :environment AND state = 'SUCCEEDED'
             ORDER BY finished_at DESC, id DESC LIMIT 1""")
    Optional<DeployRequestRow> lastSucceeded(String service, String environment);

    @Query("""
            SELECT * FROM deploy_request WHERE service = :service AND environment = :environment AND version = :version
               AND state = 'SUCCEEDED' ORDER BY finished_at DESC, id DESC LIMIT 1""")
    Optional<DeployRequestRow> succeeded(String service, String environment, String version);
}
