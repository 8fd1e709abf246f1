package dev.flightdeck.persistence.deploy;

import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.ChecklistItem;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.ManualLock;
import dev.flightdeck.persistence.metrics.DeliveryPending;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link DeployRepository} on H2 or PostgreSQL through Micronaut Data JDBC. */
@Singleton
@Requires(beans = javax.sql.DataSource.class)
public class JdbcDeployRepository implements DeployRepository {

    // The state lists the queries filter on, from the domain's own sets rather than spelled out again in SQL.
    private static final List<String> PENDING = names(DeployState.PENDING);
    private static final List<String> IN_FLIGHT = names(DeployState.IN_FLIGHT);

    private final DeployRequestRows requests;
    private final DeployDetailRows details;
    private final DeployLockRows locks;
    private final JdbcChecklists checklists;
    private final JdbcSchedulerDue schedulerDue;
    private final JdbcOperations jdbc;
    private final Wakeups wakeups;
    private final TransactionOperations<Connection> transactions;
    private final DeliveryPending pending;

    public JdbcDeployRepository(DeployRequestRows requests, DeployDetailRows details, DeployLockRows locks,
                                JdbcChecklists checklists, JdbcSchedulerDue schedulerDue, JdbcOperations jdbc,
                                TransactionOperations<Connection> transactions, Wakeups wakeups,
                                DeliveryPending pending) {
        this.pending = pending;
        this.checklists = checklists;
        this.schedulerDue = schedulerDue;
        this.wakeups = wakeups;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.requests = requests;
        this.details = details;
        this.locks = locks;
    }

    @Override
    public DeployRequest insert(DeployRequest r, List<CheckResult> checks, List<String> checklist) {
        // One transaction: a request is never seen without its check results and its checklist.
        DeployRequest stored = transactions.executeWrite(status -> {
            DeployRequest inserted = insertWithChecks(r, checks);
            checklists.insert(inserted.id(), checklist);
            queueForMetrics(inserted);
            return inserted;
        });
        wakeSchedulerFor(stored);
        return stored;
    }

    @Override
    public List<ChecklistItem> checklist(long id) {
        return checklists.items(id);
    }

    @Override
    public boolean tick(long id, int ordinal, String by, Instant at) {
        return checklists.tick(id, ordinal, by, at);
    }

    @Override
    public boolean untick(long id, int ordinal) {
        return checklists.untick(id, ordinal);
    }

    private DeployRequest insertWithChecks(DeployRequest r, List<CheckResult> checks) {
        DeployRequestRow row = requests.save(new DeployRequestRow(null, r.service(), r.environment(), r.version(),
                r.requesterId(), r.runnerId(), r.note(), r.rollbackOf(), r.state().name(), 0, r.approvalsRequired(),
                r.requestedAt(), r.stateActor(), r.stateReason(), r.stateChangedAt(), r.startedAt(), r.finishedAt(),
                r.nextNudgeAt(), r.nudgesSent(), r.expiresAt(), r.channelId(), r.messageTs(), r.buildLabel(),
                r.buildUrl()));
        insertChecks(row.id(), checks);
        return toDomain(row);
    }

    /** All of a request's check results in one JDBC batch; a check with a recheck time wakes the re-checks. */
    private void insertChecks(long requestId, List<CheckResult> checks) {
        DeployCheckBatch.insert(jdbc, requestId, checks);
        checks.stream().map(CheckResult::recheckAt).filter(java.util.Objects::nonNull)
                .forEach(at -> wakeups.dueBy(Wakeups.RECHECK, at));
    }

    @Override
    public Optional<DeployRequest> find(long id) {
        return requests.findById(id).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public Optional<DeployRequest> findForUpdate(long id) {
        return requests.findByIdForUpdate(id).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public boolean transition(DeployRequest before, DeployRequest after) {
        // With the metrics queue in the same transaction: a finish is queued exactly when it commits.
        return transactions.executeWrite(status -> {
            boolean moved = requests.transition(before.id(), before.state().name(), after.state().name(),
                    after.stateActor(), after.stateReason(), after.stateChangedAt(), after.startedAt(),
                    after.finishedAt(), after.nextNudgeAt(), after.nudgesSent(), after.expiresAt()) == 1;
            if (moved) {
                queueForMetrics(after);
            }
            return moved;
        }) && wakeSchedulerFor(after);
    }

    /** A build's result (a change, for delivery metrics) goes to the daily rollup's queue. */
    private void queueForMetrics(DeployRequest r) {
        if ((r.state() == DeployState.SUCCEEDED || r.state() == DeployState.FAILED) && r.finishedAt() != null) {
            pending.add(r.id());
            wakeups.dueBy(Wakeups.DELIVERY, r.finishedAt());
        }
    }

    /**
     * Tells the deploy scheduler (in this process) of the request's next nudge and expiry times, and the build poller
     * of a build starting (it works out when that one is next due).
     */
    private boolean wakeSchedulerFor(DeployRequest r) {
        if (DeployState.PENDING.contains(r.state())) {
            wakeups.dueBy(Wakeups.DEPLOY, r.nextNudgeAt());
            wakeups.dueBy(Wakeups.DEPLOY, r.expiresAt());
        } else if (r.state() == DeployState.TRIGGERING || r.state() == DeployState.RUNNING) {
            wakeups.dueBy(Wakeups.BUILD_POLL, r.stateChangedAt());
        }
        return true;
    }

    @Override
    public void saveMessage(long id, String channelId, String messageTs) {
        requests.saveMessage(id, channelId, messageTs);
    }

    @Override
    public void saveBuild(long id, String label, String url) {
        requests.saveBuild(id, label, url);
    }

    @Override
    public boolean addApproval(Approval approval) {
        return details.insertApproval(approval.requestId(), approval.approverId(), approval.at()) == 1;
    }

    @Override
    public List<Approval> approvals(long id) {
        return details.approvals(id).stream().map(a -> new Approval(a.requestId(), a.approverId(), a.approvedAt())).toList();
    }

    @Override
    public List<CheckResult> checks(long id) {
        return details.checks(id).stream().map(JdbcDeployRepository::toDomain).toList();
    }

    static CheckResult toDomain(DeployCheckRow c) {
        return new CheckResult(c.name(), c.blocked(), c.checkText(), c.overriddenBy(), c.overrideReason(), c.waiting(),
                c.recheckAt(), c.waitsOn());
    }

    @Override
    public boolean overrideCheck(long id, String checkName, String by, String reason) {
        return details.overrideCheck(id, checkName, by, reason) == 1;
    }

    @Override
    public List<DeployRequest> withoutMessage(Instant before, int limit) {
        return requests.withoutMessage(before, PENDING, limit).stream().map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public List<DeployRequest> dueNudges(Instant now, int limit) {
        return requests.dueNudges(now, PENDING, limit).stream().map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public boolean claimNudge(DeployRequest due, Instant leaseUntil) {
        return requests.claimNudge(due.id(), due.state().name(), due.nextNudgeAt(), leaseUntil) == 1;
    }

    @Override
    public boolean completeNudge(DeployRequest claimed, Instant leaseUntil, Instant next) {
        return requests.completeNudge(claimed.id(), claimed.state().name(), leaseUntil, next) == 1;
    }

    @Override
    public List<DeployRequest> dueExpiries(Instant now, int limit) {
        return requests.dueExpiries(now, PENDING, limit).stream().map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public Optional<Instant> nextSchedulerDue(java.time.Duration unpostedGrace) {
        return schedulerDue.next(unpostedGrace);
    }

    @Override
    public List<OldestInState> oldestInStates(Set<DeployState> states) {
        return schedulerDue.oldestInStates(states);
    }

    @Override
    public List<DeployRequest> inStates(Set<DeployState> states, Optional<String> service, int limit) {
        List<String> names = states.stream().map(Enum::name).toList();
        List<DeployRequestRow> rows = service.isPresent() ? requests.inStatesOf(names, service.get(), limit)
                : requests.inStates(names, limit);
        return rows.stream().map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public List<DeployRequest> history(String service, Optional<String> environment, int limit) {
        List<DeployRequestRow> rows = environment.isPresent() ? requests.historyIn(service, environment.get(), limit)
                : requests.history(service, limit);
        return rows.stream().map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public List<DeployRequest> requestedBetween(Instant from, Instant until, HistoryFilter filter, long beforeId, int limit) {
        return transactions.executeRead(status -> DeployHistoryPage.read(jdbc, from, until, filter, beforeId, limit));
    }

    @Override
    public Optional<DeployRequest> lastSucceeded(String service, String environment) {
        return requests.lastSucceeded(service, environment).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public Optional<DeployRequest> succeeded(String service, String environment, String version) {
        return requests.succeeded(service, environment, version).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public Optional<DeployRequest> inFlight(String service, String environment, long exceptId) {
        return requests.inFlight(service, environment, exceptId, IN_FLIGHT).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public List<ManualLock> locks(Optional<String> service) {
        return (service.isPresent() ? locks.ofService(service.get()) : locks.all()).stream()
                .map(JdbcDeployRepository::toDomain).toList();
    }

    @Override
    public Optional<ManualLock> lock(String service, String environment) {
        return locks.find(service, environment).map(JdbcDeployRepository::toDomain);
    }

    @Override
    public boolean addLock(ManualLock lock) {
        return locks.insertIfAbsent(lock.service(), lock.environment(), lock.lockedBy(), lock.reason(), lock.lockedAt()) == 1;
    }

    @Override
    public boolean removeLock(String service, String environment) {
        return locks.delete(service, environment) == 1;
    }

    static List<String> names(Set<DeployState> states) {
        return states.stream().map(Enum::name).sorted().toList();
    }

    private static ManualLock toDomain(DeployLockRow l) {
        return new ManualLock(l.service(), l.environment(), l.lockedBy(), l.reason(), l.lockedAt());
    }

    static DeployRequest toDomain(DeployRequestRow r) {
        return new DeployRequest(r.id(), r.service(), r.environment(), r.version(), r.requesterId(), r.runnerId(),
                r.note(), r.rollbackOf(), DeployState.valueOf(r.state()), r.approvalsRequired(), r.requestedAt(),
                r.stateActor(), r.stateReason(), r.stateChangedAt(), r.startedAt(), r.finishedAt(), r.nextNudgeAt(),
                r.nudgesSent(), r.expiresAt(), r.channelId(), r.messageTs(), r.buildLabel(), r.buildUrl());
    }
}
