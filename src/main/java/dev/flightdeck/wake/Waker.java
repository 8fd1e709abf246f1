package dev.flightdeck.wake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one job when its next item is due instead of on a fixed beat. Each look asks the job for the earliest due time
 * (one cheap indexed query), runs the job's pass if that time has come, and sleeps until the next due time or the
 * {@code cap}, whichever is sooner. Writes in this process that make something due sooner call {@link #dueBy}, which
 * moves the next look earlier; the cap is how late a look picks up what another replica wrote (or a lease that ran
 * out). Sleeping is measured on the monotonic clock, while due times are read from the service's {@link Clock}: a
 * test that moves its clock does not set the waker off, it calls the job's pass itself.
 */
public final class Waker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Waker.class);
    /** The shortest time between two looks, so that a job whose pass leaves work due cannot spin. */
    static final Duration MIN_GAP = Duration.ofSeconds(1);
    /**
     * A signal for a time this far before now is not a write of this process's present (a writer that stamped its rows
     * with another notion of now, as tests with fixed instants do, or an item long overdue): the next regular look
     * takes it, rather than a pass started under the writer's feet.
     */
    static final Duration PAST_TOLERANCE = Duration.ofSeconds(5);

    /** What a waker drives. */
    public interface Job {
        /** The earliest time anything this job handles is (or was) due; empty when nothing waits. */
        Optional<Instant> nextDue();

        /** Handles what is due now; returns how many items it handled. */
        int runDue();

        /** The job made of its two questions, as each scheduler passes its store's next-due query and its pass. */
        static Job of(java.util.function.Supplier<Optional<Instant>> nextDue, java.util.function.IntSupplier runDue) {
            return new Job() {
                @Override
                public Optional<Instant> nextDue() {
                    return nextDue.get();
                }

                @Override
                public int runDue() {
                    return runDue.getAsInt();
                }
            };
        }
    }

    private final String name;
    private final Job job;
    private final Clock clock;
    private final Duration cap;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> next;
    private long nextAt = Long.MAX_VALUE;
    private boolean looking;
    private long signalledAt = Long.MAX_VALUE;
    private boolean closed;

    Waker(String name, Job job, Clock clock, Duration cap, ScheduledExecutorService timer) {
        this.name = name;
        this.job = job;
        this.clock = clock;
        this.cap = cap;
        this.timer = timer;
    }

    /**
     * A waker with no timer of its own: nothing looks until {@link #pass()} is called. For tests on a moved clock
     * (and the growth benchmark), which drive each look themselves.
     */
    public static Waker manual(String name, Job job, Clock clock, Duration cap) {
        return new Waker(name, job, clock, cap, null);
    }

    public String name() {
        return name;
    }

    public Duration cap() {
        return cap;
    }

    /** How long until the next look is scheduled (empty: none, as with a manual waker); what a signal moved. */
    public synchronized Optional<Duration> nextLookIn() {
        return nextAt == Long.MAX_VALUE ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(0, nextAt - System.nanoTime())));
    }

    /** Something this job handles is due at {@code at} (now or earlier: as soon as possible). */
    public synchronized void dueBy(Instant at) {
        Duration ahead = Duration.between(clock.instant(), at);
        if (ahead.compareTo(PAST_TOLERANCE.negated()) < 0) {
            return;
        }
        long delay = Math.max(0, ahead.toNanos());
        long target = System.nanoTime() + delay;
        if (looking) {
            signalledAt = Math.min(signalledAt, target); // seen after the look in progress
        } else if (target < nextAt) {
            schedule(target);
        }
    }

    /** Looks now (the first look after start, or a nudge from outside). */
    public void wake() {
        dueBy(clock.instant());
    }

    synchronized void start(Duration first) {
        schedule(System.nanoTime() + first.toNanos());
    }

    private void schedule(long at) {
        if (closed) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        nextAt = at;
        next = timer.schedule(this::look, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void look() {
        synchronized (this) {
            if (closed) {
                return;
            }
            looking = true;
            signalledAt = Long.MAX_VALUE;
            nextAt = Long.MAX_VALUE;
        }
        Duration sleep;
        try {
            sleep = pass();
        } catch (RuntimeException e) {
            LOG.warn("{}: run failed; looking again in {}", name, cap, e);
            sleep = cap;
        }
        synchronized (this) {
            looking = false;
            long now = System.nanoTime();
            schedule(Math.min(now + sleep.toNanos(), Math.max(signalledAt, now + MIN_GAP.toNanos())));
        }
    }

    /** One look: runs the job if something is due; returns how long to sleep. */
    public Duration pass() {
        Optional<Instant> due = job.nextDue();
        if (due.isPresent() && !due.get().isAfter(clock.instant())) {
            int handled = job.runDue();
            due = job.nextDue();
            if (handled == 0 && due.isPresent() && !due.get().isAfter(clock.instant())) {
                // Still due and nothing moved: another replica holds it, or it keeps failing. Look again at the cap.
                return cap;
            }
        }
        Duration until = due.map(d -> Duration.between(clock.instant(), d)).orElse(cap);
        return until.compareTo(cap) > 0 ? cap : until.compareTo(MIN_GAP) < 0 ? MIN_GAP : until;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (next != null) {
            next.cancel(false);
        }
    }
}
