package dev.flightdeck.incident.paging;

import dev.flightdeck.wake.BackgroundJob;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.Links;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentRepository;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.wake.Waker;
import dev.flightdeck.wake.Wakeups;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Sends owed pages from the database: each due page is claimed by a compare-and-set (its next try moved a lease
 * ahead), sent once, and its answer stored through {@link PageTransitions}. A failure that may pass (5xx, 429, no
 * answer) is said in the channel once and tried again with backoff; a refusal fails the page and is said. Wakes for
 * the next due try; its first pass after a start also catches up on what a lost lifecycle call would have stored
 * ({@code page-on} pages of open incidents, resolves of resolved ones). Tests move the clock and call
 * {@link #runDue()}.
 */
@Singleton
@Requires(beans = {PageStore.class, PageNews.class, Pager.class})
public class PageSender implements BackgroundJob {

    public static final String TOPIC = "paging";
    private static final Logger LOG = LoggerFactory.getLogger(PageSender.class);
    private static final int BATCH = 50;

    private final PageStore store;
    private final Pager pager;
    private final PageNews news;
    private final IncidentRepository incidents;
    private final Paging paging;
    private final TeamConfig team;
    private final Auditor auditor;
    private final Links links;
    private final Clock clock;
    private volatile boolean caughtUp;

    public PageSender(PageStore store, Pager pager, PageNews news, IncidentRepository incidents, Paging paging,
                      TeamConfig team, Auditor auditor, Links links, Clock clock) {
        this.store = store;
        this.pager = pager;
        this.news = news;
        this.incidents = incidents;
        this.paging = paging;
        this.team = team;
        this.auditor = auditor;
        this.links = links;
        this.clock = clock;
    }

    /** {@code flightdeck.paging.wake: false} leaves the waker off: test apps move their clock and call runDue(). */
    @Inject
    void wakeWith(Wakeups wakeups, @Value("${flightdeck.paging.scheduler-interval:60s}") Duration cap,
                  @Value("${flightdeck.paging.wake:true}") boolean wake) {
        if (!wake) {
            return;
        }
        wakeups.start(TOPIC, Waker.Job.of(() -> caughtUp ? store.nextDue() : Optional.of(Instant.EPOCH), this::runDue), cap).wake();
    }

    /** Sends what is due now (after catching up, on the first pass); returns how many events the pagers took. */
    public int runDue() {
        if (!caughtUp) {
            catchUp();
        }
        Instant now = now();
        int sent = 0;
        for (Page due : store.due(now, BATCH)) {
            try {
                sent += send(due, now) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("page {}: send failed ({}); the next pass tries again", due.dedupKey(), e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /**
     * What a lifecycle call lost in a crash would have stored: pages owed to open incidents at a {@code page-on}
     * severity, and resolves owed to pages of incidents resolved since.
     */
    public void catchUp() {
        for (Incident open : incidents.open()) {
            if (team.incidents().pagesAt(open.severity())) {
                paging.pageEveryTarget(open);
            }
        }
        for (Page p : store.unfinished(500)) {
            incidents.find(p.incidentNumber()).filter(i -> !i.isOpen()).ifPresent(i -> paging.resolveAll(i.number()));
        }
        caughtUp = true;
    }

    private boolean send(Page due, Instant now) {
        Optional<OncallTarget> target = team.incidents().oncallTarget(due.target());
        Optional<Incident> incident = incidents.find(due.incidentNumber());
        if (incident.isEmpty()) {
            return false;
        }
        if (target.isEmpty()) {
            // The target left the team file: nothing can be sent to it any more.
            settle(due, incident.get(), null, new Pager.Delivery.Refused("the team file no longer names the on-call "
                    + "target " + due.target()), now);
            return false;
        }
        // Claim: the next try moves a lease ahead, so another pass or replica leaves it alone while it is sent.
        Page leased = new Page(due.id(), due.incidentNumber(), due.target(), due.dedupKey(), due.state(),
                due.message(), due.requestedBy(), due.attempts(), Optional.of(now.plus(PageTransitions.LEASE)),
                due.lastError(), due.createdAt(), due.version());
        Optional<Page> claimed = store.move(due, leased);
        if (claimed.isEmpty()) {
            return false;
        }
        Incident i = incident.get();
        PageEvent.Action action = due.state() == PageState.TRIGGER_PENDING ? PageEvent.Action.TRIGGER
                : PageEvent.Action.RESOLVE;
        Pager.Delivery answer = pager.send(target.get(), new PageEvent(action, due.dedupKey(), i.id(), i.title(),
                i.severity(), due.message(), links.incidentPage(i.number()), due.requestedBy()));
        return settle(claimed.get(), i, target.get(), answer, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private boolean settle(Page claimed, Incident incident, OncallTarget target, Pager.Delivery answer, Instant now) {
        PageTransitions.Event event = answer instanceof Pager.Delivery.Accepted ? PageTransitions.Event.ACCEPTED
                : answer instanceof Pager.Delivery.TryAgain ? PageTransitions.Event.TRY_AGAIN
                : PageTransitions.Event.REFUSED;
        Optional<String> reason = answer instanceof Pager.Delivery.TryAgain t ? Optional.of(t.reason())
                : answer instanceof Pager.Delivery.Refused r ? Optional.of(r.reason()) : Optional.empty();
        Optional<Page> written = PageTransitions.enter(claimed, event, now, reason).flatMap(a -> store.move(claimed, a));
        if (written.isEmpty()) {
            return false;
        }
        Page p = written.get();
        boolean trigger = claimed.state() == PageState.TRIGGER_PENDING;
        Map<String, Object> audit = Map.of("incident", incident.id(), "target", p.target(), "dedupKey", p.dedupKey(),
                "action", trigger ? "trigger" : "resolve", "attempts", p.attempts());
        if (target == null) {
            auditor.record(PagingEvents.PAGE_FAILED, Page.FLIGHTDECK, Map.of("incident", incident.id(),
                    "target", p.target(), "reason", reason.orElse("")));
            return false;
        }
        switch (p.state()) {
            case TRIGGERED -> {
                String line = "Paged " + p.target() + " (" + PagingWords.kind(target) + ")"
                        + p.message().map(m -> " — " + m).orElse("");
                incidents.addTimeline(incident.number(), new TimelineEntry(now, p.requestedBy(),
                        TimelineEntry.Kind.PAGE, line), Optional.of("page:" + p.dedupKey()));
                auditor.record(PagingEvents.PAGED, p.requestedBy(), audit);
                news.paged(incident, p, target);
            }
            case RESOLVED -> {
                incidents.addTimeline(incident.number(), new TimelineEntry(now, Page.FLIGHTDECK,
                        TimelineEntry.Kind.PAGE, "Resolved the page of " + p.target() + " ("
                        + PagingWords.kind(target) + ")"), Optional.of("page-resolved:" + p.dedupKey()));
                auditor.record(PagingEvents.PAGE_RESOLVED, Page.FLIGHTDECK, audit);
                news.resolved(incident, p, target);
            }
            case FAILED -> {
                auditor.record(PagingEvents.PAGE_FAILED, p.requestedBy(), Map.of("incident", incident.id(),
                        "target", p.target(), "action", trigger ? "trigger" : "resolve", "reason", reason.orElse("")));
                news.failed(incident, p, target, reason.orElse(""));
            }
            default -> {
                // Said once per send, on its first failure: a pager down for an hour is not a line every few minutes.
                if (p.attempts() == 1) {
                    news.retrying(incident, p, target, reason.orElse(""), p.nextAttemptAt().orElse(now));
                }
            }
        }
        return event == PageTransitions.Event.ACCEPTED;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
