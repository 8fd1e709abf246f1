package dev.flightdeck.deploy.slots;

import dev.flightdeck.audit.Auditor;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives free slots to the queue: each free slot of a pool goes to the first queued claim that fits it (one that named
 * no slot, or that one), by a conditional write that the slot's unique holder key guards, so of two replicas serving
 * the same pool one grants each slot. The new holder is told by direct message.
 */
@Singleton
public class SlotQueue {

    private final Pools pools;
    private final SlotClaimStore store;
    private final SlotNews news;
    private final Auditor auditor;
    private final Clock clock;

    public SlotQueue(TeamConfig team, SlotClaimStore store, SlotNews news, Auditor auditor, Clock clock) {
        this.pools = new Pools(team);
        this.store = store;
        this.news = news;
        this.auditor = auditor;
        this.clock = clock;
    }

    /** The claims this call granted. */
    public List<SlotClaim> serve(String pool) {
        List<SlotClaim> granted = new ArrayList<>();
        List<SlotClaim> waiting = new ArrayList<>(store.queued(pool));
        for (String slot : pools.slots(pool)) {
            if (waiting.isEmpty()) {
                break;
            }
            if (store.holding(slot).isPresent()) {
                continue;
            }
            for (SlotClaim w : List.copyOf(waiting)) {
                if (!w.fits(slot)) {
                    continue;
                }
                Optional<SlotClaim> got = SlotTransitions.grant(w, slot, clock.instant())
                        .flatMap(after -> store.update(w, after));
                waiting.remove(w);
                if (got.isPresent()) {
                    granted.add(got.get());
                    auditor.record(SlotAudit.GRANTED, SlotAudit.EXPIRY, SlotAudit.payload(got.get()));
                    news.granted(got.get());
                    break;
                }
                if (store.holding(slot).isPresent()) {
                    break; // another replica gave it out
                }
            }
        }
        return granted;
    }

    /** Every pool: what a crash between a release and its serving would have left undone. */
    public int serveAll() {
        return pools.all().keySet().stream().mapToInt(p -> serve(p).size()).sum();
    }
}
