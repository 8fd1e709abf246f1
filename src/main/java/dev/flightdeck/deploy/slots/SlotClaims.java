package dev.flightdeck.deploy.slots;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.SlotSettings;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /deploy claim}, {@code /deploy release} and the holder's Extend: shared slots handed out first come, first
 * served. A claim takes a free slot at once or joins its pool's queue; whenever a slot frees, the first queued claim
 * that fits it gets it ({@link SlotQueue}). Each change is one conditional write and one audit event.
 */
@Singleton
public class SlotClaims {

    public static final int MAX_PURPOSE = 300;

    private final Pools pools;
    private final SlotClaimStore store;
    private final SlotQueue queue;
    private final SlotNews news;
    private final ApprovalPolicy policy;
    private final Auditor auditor;
    private final Clock clock;

    public SlotClaims(TeamConfig team, SlotClaimStore store, SlotQueue queue, SlotNews news, ApprovalPolicy policy,
                      Auditor auditor, Clock clock) {
        this.pools = new Pools(team);
        this.store = store;
        this.queue = queue;
        this.news = news;
        this.policy = policy;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** {@code target}: a pool (any of its slots) or one slot; {@code hold}: empty for the default. */
    public SlotOutcome claim(String userId, String target, Optional<Duration> hold, Optional<String> purpose) {
        Optional<String> pool = pools.isPool(target) ? Optional.of(target) : pools.poolOf(target);
        if (pool.isEmpty()) {
            return new SlotOutcome.NotASlot(target, pools.all());
        }
        String asked = pools.isPool(target) ? null : target;
        SlotSettings settings = pools.settings(asked == null ? pool.get() : asked);
        Duration length = hold.orElse(settings.defaultHold());
        if (length.compareTo(SlotSettings.MIN_HOLD) < 0 || length.compareTo(settings.maxHold()) > 0) {
            return new SlotOutcome.BadHold(length, SlotSettings.MIN_HOLD, settings.maxHold(), pool.get());
        }
        String why = purpose.map(String::strip).filter(p -> !p.isEmpty()).orElse(null);
        if (why != null && why.length() > MAX_PURPOSE) {
            return new SlotOutcome.PurposeTooLong(MAX_PURPOSE);
        }
        Optional<SlotOutcome> already = already(pool.get(), userId);
        if (already.isPresent()) {
            return already.get();
        }
        Instant now = clock.instant();
        List<SlotClaim> waiting = store.queued(pool.get());
        List<String> candidates = asked == null ? pools.slots(pool.get()) : List.of(asked);
        for (String slot : candidates) {
            // A free slot someone already waits for is theirs: the queue is served first.
            if (store.holding(slot).isPresent() || waiting.stream().anyMatch(w -> w.fits(slot))) {
                continue;
            }
            Optional<SlotClaim> got = store.insert(SlotClaim.held(pool.get(), slot, asked, userId, why, length, now));
            if (got.isPresent()) {
                auditor.record(SlotAudit.GRANTED, userId, SlotAudit.payload(got.get()));
                return new SlotOutcome.Granted(got.get());
            }
            already = already(pool.get(), userId);
            if (already.isPresent()) {
                return already.get(); // a double click: the first one got it
            }
        }
        Optional<SlotClaim> queued = store.insert(SlotClaim.queued(pool.get(), asked, userId, why, length, now));
        if (queued.isEmpty()) {
            return already(pool.get(), userId).orElseThrow(() -> new IllegalStateException(
                    "slot claim refused by the store without an active claim of " + userId + " in " + pool.get()));
        }
        auditor.record(SlotAudit.QUEUED, userId, SlotAudit.payload(queued.get()));
        // A slot may have freed meanwhile with nobody to give it to: serve the queue now.
        queue.serve(pool.get());
        Optional<SlotClaim> now2 = store.find(queued.get().id());
        if (now2.isPresent() && now2.get().state() == SlotClaimState.HELD) {
            return new SlotOutcome.Granted(now2.get());
        }
        List<SlotClaim> holders = candidates.stream().map(store::holding).flatMap(Optional::stream).toList();
        return new SlotOutcome.Queued(queued.get(), place(queued.get()), holders);
    }

    /**
     * {@code name}: a slot its holder (or an approver of the slot's environment) frees; or a pool or slot where the
     * person waits, to leave the queue.
     */
    public SlotOutcome release(String userId, String name) {
        Optional<String> pool = pools.isPool(name) ? Optional.of(name) : pools.poolOf(name);
        if (pool.isEmpty()) {
            return new SlotOutcome.NotASlot(name, pools.all());
        }
        Optional<SlotClaim> mine = store.active(pool.get(), userId);
        if (mine.isPresent() && mine.get().state() == SlotClaimState.QUEUED
                && (pools.isPool(name) || mine.get().fits(name))) {
            return withdraw(mine.get(), userId);
        }
        if (pools.isPool(name)) {
            return mine.<SlotOutcome>map(m -> release(userId, m.slot())).orElse(new SlotOutcome.NotHeld(name));
        }
        Optional<SlotClaim> holder = store.holding(name);
        if (holder.isEmpty()) {
            return new SlotOutcome.NotHeld(name);
        }
        if (!holder.get().userId().equals(userId) && !approver(name, userId)) {
            return new SlotOutcome.NotHolder(holder.get());
        }
        return end(holder.get(), SlotEvent.RELEASE, userId);
    }

    /** Extend, from the warning's button: the holder keeps the slot another hold, up to max-hold from the start. */
    public SlotOutcome extend(long claimId, String userId) {
        Optional<SlotClaim> found = store.find(claimId);
        if (found.isEmpty() || found.get().state() != SlotClaimState.HELD) {
            return new SlotOutcome.Over(claimId, found);
        }
        SlotClaim c = found.get();
        if (!c.userId().equals(userId)) {
            return new SlotOutcome.NotHolder(c);
        }
        Duration maxHold = pools.settings(c.slot()).maxHold();
        Instant cap = c.heldSince().plus(maxHold);
        Instant until = c.expiresAt().plus(c.hold());
        until = until.isAfter(cap) ? cap : until;
        if (!until.isAfter(c.expiresAt())) {
            return new SlotOutcome.AtMaxHold(c, maxHold);
        }
        Optional<SlotClaim> done = SlotTransitions.extend(c, until).flatMap(after -> store.update(c, after));
        if (done.isEmpty()) {
            return new SlotOutcome.Over(claimId, store.find(claimId));
        }
        auditor.record(SlotAudit.EXTENDED, userId, SlotAudit.payload(done.get()));
        return new SlotOutcome.Extended(done.get(), cap);
    }

    /** Release, from the warning's button: the claim's own slot, if the clicker still holds it. */
    public SlotOutcome releaseClaim(long claimId, String userId) {
        Optional<SlotClaim> found = store.find(claimId);
        if (found.isEmpty() || found.get().state() != SlotClaimState.HELD) {
            return new SlotOutcome.Over(claimId, found);
        }
        return found.get().userId().equals(userId) ? end(found.get(), SlotEvent.RELEASE, userId)
                : new SlotOutcome.NotHolder(found.get());
    }

    /** Every pool, its slots with their holders, and its queue. */
    public SlotBoard board() {
        List<SlotBoard.Pool> out = new ArrayList<>();
        List<SlotClaim> held = store.held();
        pools.all().forEach((pool, slots) -> out.add(new SlotBoard.Pool(pool, slots.stream()
                .map(s -> new SlotBoard.Slot(s, held.stream().filter(c -> s.equals(c.slot())).findFirst())).toList(),
                store.queued(pool))));
        return new SlotBoard(out);
    }

    /** The holder of {@code slot}, when it is a slot and held. */
    public Optional<SlotClaim> holderOf(String slot) {
        return pools.poolOf(slot).isPresent() ? store.holding(slot) : Optional.empty();
    }

    public boolean isSlot(String environment) {
        return pools.poolOf(environment).isPresent();
    }

    private SlotOutcome end(SlotClaim c, SlotEvent event, String by) {
        Optional<SlotClaim> done = SlotTransitions.end(c, event, clock.instant(), by).flatMap(after -> store.update(c, after));
        if (done.isEmpty()) {
            return new SlotOutcome.Over(c.id(), store.find(c.id()));
        }
        auditor.record(SlotAudit.RELEASED, by, SlotAudit.payload(done.get()));
        if (!by.equals(c.userId())) {
            news.releasedFor(done.get(), by);
        }
        Optional<SlotClaim> next = queue.serve(c.pool()).stream().filter(n -> c.slot().equals(n.slot())).findFirst();
        return new SlotOutcome.Released(done.get(), by, next);
    }

    private SlotOutcome withdraw(SlotClaim c, String by) {
        Optional<SlotClaim> done = SlotTransitions.end(c, SlotEvent.RELEASE, clock.instant(), by)
                .flatMap(after -> store.update(c, after));
        if (done.isEmpty()) {
            return new SlotOutcome.Over(c.id(), store.find(c.id()));
        }
        auditor.record(SlotAudit.WITHDRAWN, by, SlotAudit.payload(done.get()));
        return new SlotOutcome.Withdrawn(done.get());
    }

    private Optional<SlotOutcome> already(String pool, String userId) {
        return store.active(pool, userId).map(c -> c.state() == SlotClaimState.HELD ? new SlotOutcome.AlreadyHeld(c)
                : new SlotOutcome.AlreadyQueued(c, place(c)));
    }

    /** 1 for the first in its pool's queue. */
    private int place(SlotClaim c) {
        List<SlotClaim> waiting = store.queued(c.pool());
        int i = 0;
        for (SlotClaim w : waiting) {
            i++;
            if (w.id() == c.id()) {
                return i;
            }
        }
        return waiting.size() + 1;
    }

    private boolean approver(String slot, String userId) {
        // Every slot is an environment (declared, or inherited from its pool): its approvers may free it.
        return pools.team().environment(slot).map(env -> policy.refusalToDecide(env, userId).isEmpty()).orElse(false);
    }
}
