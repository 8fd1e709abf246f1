package dev.flightdeck.deploy.fakes;

import dev.flightdeck.deploy.Approval;
import dev.flightdeck.deploy.CheckResult;
import dev.flightdeck.deploy.ChecklistItem;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployRequests;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.ManualLock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** {@link DeployRepository} in memory, with the database adapter's conditional writes (same state read, or nothing). */
public final class InMemoryDeployRepository implements DeployRepository {

    private final Map<Long, DeployRequest> requests = new LinkedHashMap<>();
    private final Map<Long, List<CheckResult>> checks = new LinkedHashMap<>();
    private final Map<Long, List<ChecklistItem>> checklists = new LinkedHashMap<>();
    private final List<Approval> approvals = new ArrayList<>();
    private final Map<String, ManualLock> locks = new LinkedHashMap<>();
    private long nextId = 1;

    @Override
    public synchronized DeployRequest insert(DeployRequest request, List<CheckResult> results, List<String> items) {
        DeployRequest stored = DeployRequests.from(request).id(nextId++).build();
        requests.put(stored.id(), stored);
        checks.put(stored.id(), new ArrayList<>(results));
        List<ChecklistItem> list = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            list.add(ChecklistItem.open(i, items.get(i)));
        }
        checklists.put(stored.id(), list);
        return stored;
    }

    @Override
    public synchronized List<ChecklistItem> checklist(long id) {
        return List.copyOf(checklists.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized boolean tick(long id, int ordinal, String by, Instant at) {
        return setTick(id, ordinal, false, new ChecklistItem(ordinal, null, by, at));
    }

    @Override
    public synchronized boolean untick(long id, int ordinal) {
        return setTick(id, ordinal, true, new ChecklistItem(ordinal, null, null, null));
    }

    /** The conditional write: only an item in the expected ticked state changes. */
    private boolean setTick(long id, int ordinal, boolean expectTicked, ChecklistItem tick) {
        List<ChecklistItem> list = checklists.get(id);
        if (list == null || ordinal < 0 || ordinal >= list.size() || list.get(ordinal).ticked() != expectTicked) {
            return false;
        }
        list.set(ordinal, new ChecklistItem(ordinal, list.get(ordinal).text(), tick.tickedBy(), tick.tickedAt()));
        return true;
    }

    @Override
    public synchronized Optional<DeployRequest> find(long id) {
        return Optional.ofNullable(requests.get(id));
    }

    @Override
    public Optional<DeployRequest> findForUpdate(long id) {
        return find(id);
    }

    @Override
    public synchronized boolean transition(DeployRequest before, DeployRequest after) {
        DeployRequest stored = requests.get(before.id());
        if (stored == null || stored.state() != before.state()) {
            return false;
        }
        // Message and build are columns of their own: a transition keeps what is stored there.
        DeployRequest row = after.withBuild(stored.buildLabel(), stored.buildUrl());
        requests.put(before.id(), stored.hasMessage() ? row.withMessage(stored.channelId(), stored.messageTs()) : row);
        return true;
    }

    @Override
    public synchronized void saveMessage(long id, String channelId, String messageTs) {
        requests.computeIfPresent(id, (k, r) -> r.withMessage(channelId, messageTs));
    }

    @Override
    public synchronized void saveBuild(long id, String label, String url) {
        requests.computeIfPresent(id, (k, r) -> r.withBuild(label, url));
    }

    @Override
    public synchronized boolean addApproval(Approval approval) {
        if (approvals.stream().anyMatch(a -> a.requestId() == approval.requestId()
                && a.approverId().equals(approval.approverId()))) {
            return false;
        }
        return approvals.add(approval);
    }

    @Override
    public synchronized List<Approval> approvals(long id) {
        return approvals.stream().filter(a -> a.requestId() == id).toList();
    }

    @Override
    public synchronized List<CheckResult> checks(long id) {
        return List.copyOf(checks.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized boolean overrideCheck(long id, String checkName, String by, String reason) {
        List<CheckResult> list = checks.getOrDefault(id, new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            CheckResult c = list.get(i);
            if (c.name().equals(checkName) && c.stopsStart()) {
                list.set(i, c.overriddenBy(by, reason));
                return true;
            }
        }
        return false;
    }

    @Override
    public List<DeployRequest> withoutMessage(Instant before, int limit) {
        return select(r -> DeployState.PENDING.contains(r.state()) && r.messageTs() == null
                && r.requestedAt().isBefore(before), limit, true);
    }

    @Override
    public List<DeployRequest> dueNudges(Instant now, int limit) {
        return select(r -> DeployState.PENDING.contains(r.state()) && r.nextNudgeAt() != null
                && !r.nextNudgeAt().isAfter(now), limit, true);
    }

    @Override
    public synchronized boolean claimNudge(DeployRequest due, Instant leaseUntil) {
        DeployRequest stored = requests.get(due.id());
        if (stored == null || stored.state() != due.state() || !Objects.equals(stored.nextNudgeAt(), due.nextNudgeAt())) {
            return false;
        }
        requests.put(due.id(), DeployRequests.from(stored).nextNudgeAt(leaseUntil).build());
        return true;
    }

    @Override
    public synchronized boolean completeNudge(DeployRequest claimed, Instant leaseUntil, Instant next) {
        DeployRequest stored = requests.get(claimed.id());
        if (stored == null || stored.state() != claimed.state() || !Objects.equals(stored.nextNudgeAt(), leaseUntil)) {
            return false;
        }
        requests.put(claimed.id(), DeployRequests.from(stored).nextNudgeAt(next).nudgesSent(stored.nudgesSent() + 1).build());
        return true;
    }

    @Override
    public List<DeployRequest> dueExpiries(Instant now, int limit) {
        return select(r -> DeployState.PENDING.contains(r.state()) && r.expiresAt() != null
                && !r.expiresAt().isAfter(now), limit, true);
    }

    @Override
    public List<DeployRequest> inStates(Set<DeployState> states, Optional<String> service, int limit) {
        return select(r -> states.contains(r.state()) && service.map(r.service()::equals).orElse(true), limit, false);
    }

    @Override
    public List<DeployRequest> requestedBetween(Instant from, Instant until, HistoryFilter filter, long beforeId, int limit) {
        return select(r -> !r.requestedAt().isBefore(from) && r.requestedAt().isBefore(until) && r.id() < beforeId
                && filter.service().map(r.service()::equals).orElse(true)
                && filter.environment().map(r.environment()::equals).orElse(true)
                && filter.state().map(s -> s == r.state()).orElse(true), limit, false);
    }

    @Override
    public List<DeployRequest> history(String service, Optional<String> environment, int limit) {
        return select(r -> r.service().equals(service) && environment.map(r.environment()::equals).orElse(true),
                limit, false);
    }

    @Override
    public synchronized Optional<DeployRequest> lastSucceeded(String service, String environment) {
        return requests.values().stream().filter(r -> r.state() == DeployState.SUCCEEDED
                        && r.service().equals(service) && r.environment().equals(environment))
                .max(Comparator.comparing((DeployRequest r) -> r.finishedAt()).thenComparingLong(DeployRequest::id));
    }

    @Override
    public synchronized Optional<DeployRequest> succeeded(String service, String environment, String version) {
        return lastSucceeded(service, environment, version);
    }

    private Optional<DeployRequest> lastSucceeded(String service, String environment, String version) {
        return requests.values().stream().filter(r -> r.state() == DeployState.SUCCEEDED && r.version().equals(version)
                        && r.service().equals(service) && r.environment().equals(environment))
                .max(Comparator.comparing((DeployRequest r) -> r.finishedAt()).thenComparingLong(DeployRequest::id));
    }

    @Override
    public Optional<DeployRequest> inFlight(String service, String environment, long exceptId) {
        return select(r -> DeployState.IN_FLIGHT.contains(r.state()) && r.id() != exceptId
                && r.service().equals(service) && r.environment().equals(environment), 1, true).stream().findFirst();
    }

    @Override
    public synchronized List<ManualLock> locks(Optional<String> service) {
        return locks.values().stream().filter(l -> service.map(l.service()::equals).orElse(true)).toList();
    }

    @Override
    public synchronized Optional<ManualLock> lock(String service, String environment) {
        return Optional.ofNullable(locks.get(service + "/" + environment));
    }

    @Override
    public synchronized boolean addLock(ManualLock lock) {
        return locks.putIfAbsent(lock.service() + "/" + lock.environment(), lock) == null;
    }

    @Override
    public synchronized boolean removeLock(String service, String environment) {
        return locks.remove(service + "/" + environment) != null;
    }

    private synchronized List<DeployRequest> select(Predicate<DeployRequest> which, int limit, boolean oldestFirst) {
        Comparator<DeployRequest> byId = Comparator.comparingLong(DeployRequest::id);
        return requests.values().stream().filter(which).sorted(oldestFirst ? byId : byId.reversed()).limit(limit).toList();
    }
}
