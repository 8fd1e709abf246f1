package dev.flightdeck.slack.deploy.slots;

import dev.flightdeck.deploy.InputProblem;
import dev.flightdeck.deploy.slots.SlotBoard;
import dev.flightdeck.deploy.slots.SlotClaim;
import dev.flightdeck.deploy.slots.SlotOutcome;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Mrkdwn;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every word shared slots say: answers to claim and release, the status section, the holders' DMs. */
public final class SlotWords {

    private SlotWords() {
    }

    public static String say(SlotOutcome outcome) {
        if (outcome instanceof SlotOutcome.Granted g) {
            SlotClaim c = g.claim();
            return ":white_check_mark: <@" + c.userId() + "> holds *" + up(c.slot()) + "* until " + SlackTime.of(c.expiresAt())
                    + " (" + Durations.format(c.hold()) + ")" + purpose(c) + ". Deploy to it with `/deploy <service>"
                    + " <version or branch> to " + c.slot() + "`; free it with `/deploy release " + c.slot() + "`.";
        }
        if (outcome instanceof SlotOutcome.Queued q) {
            String held = q.holders().stream().map(h -> h.slot() + " by <@" + h.userId() + "> until "
                    + SlackTime.of(h.expiresAt())).collect(Collectors.joining(", "));
            SlotClaim c = q.claim();
            return ":hourglass_flowing_sand: " + (c.asked() == null ? "Every " + up(c.pool()) + " slot is held"
                    : up(c.asked()) + " is held") + (held.isEmpty() ? "" : " (" + held + ")") + ". <@" + c.userId()
                    + "> is *" + ordinal(q.place()) + "* in the " + up(c.pool()) + " queue" + purpose(c)
                    + "; a DM will say when a slot is yours. `/deploy release " + c.pool() + "` leaves the queue.";
        }
        if (outcome instanceof SlotOutcome.AlreadyHeld a) {
            return "You already hold " + up(a.claim().slot()) + " until " + SlackTime.of(a.claim().expiresAt())
                    + ": one slot per pool each. `/deploy release " + a.claim().slot() + "` frees it.";
        }
        if (outcome instanceof SlotOutcome.AlreadyQueued a) {
            return "You are already in the " + up(a.claim().pool()) + " queue, " + ordinal(a.place()) + " in line.";
        }
        if (outcome instanceof SlotOutcome.NotASlot n) {
            return n.pools().isEmpty() ? "There are no shared slots: the team file has no `slots:`."
                    : "`" + Mrkdwn.escape(n.name()) + "` is not a shared slot or pool. " + pools(n.pools()) + ".";
        }
        if (outcome instanceof SlotOutcome.BadHold b) {
            return "A hold in " + up(b.pool()) + " lasts from " + Durations.format(b.min()) + " to "
                    + Durations.format(b.max()) + " (its max-hold), not " + Durations.format(b.asked()) + ". Nothing was claimed.";
        }
        if (outcome instanceof SlotOutcome.PurposeTooLong p) {
            return "What it is for is longer than " + p.max() + " characters. Nothing was claimed.";
        }
        if (outcome instanceof SlotOutcome.Released r) {
            SlotClaim c = r.claim();
            String whose = r.by().equals(c.userId()) ? "" : " (held by <@" + c.userId() + ">, released by <@" + r.by() + ">)";
            return ":unlock: *" + up(c.slot()) + "* is free" + whose + r.next().map(n -> "; <@" + n.userId()
                    + "> was next in the queue and holds it now until " + SlackTime.of(n.expiresAt())).orElse("") + ".";
        }
        if (outcome instanceof SlotOutcome.Withdrawn w) {
            return "<@" + w.claim().userId() + "> left the " + up(w.claim().pool()) + " queue.";
        }
        if (outcome instanceof SlotOutcome.NotHeld n) {
            return "Nobody holds " + up(n.slot()) + ", and you are not waiting for it.";
        }
        if (outcome instanceof SlotOutcome.NotHolder n) {
            return up(n.holder().slot()) + " is held by <@" + n.holder().userId() + "> until "
                    + SlackTime.of(n.holder().expiresAt()) + ": only they (or an approver of " + up(n.holder().slot())
                    + ") can release it, and only they can extend it.";
        }
        if (outcome instanceof SlotOutcome.Extended e) {
            return ":white_check_mark: " + up(e.claim().slot()) + " is yours until " + SlackTime.of(e.claim().expiresAt())
                    + " (max-hold allows until " + SlackTime.of(e.maxUntil()) + ").";
        }
        if (outcome instanceof SlotOutcome.AtMaxHold m) {
            return up(m.claim().slot()) + " is already held as long as its max-hold (" + Durations.format(m.maxHold())
                    + ") allows: it frees at " + SlackTime.of(m.claim().expiresAt()) + ". Claim it again after that.";
        }
        SlotOutcome.Over o = (SlotOutcome.Over) outcome;
        return o.claim().map(c -> "That hold on " + up(c.slot() == null ? c.pool() : c.slot()) + " is over ("
                + c.state().name().toLowerCase(Locale.ROOT) + ").").orElse("There is no such claim.");
    }

    /** The {@code /deploy status} section: each slot, its holder, purpose and expiry, and each pool's queue. */
    public static String board(SlotBoard board) {
        if (board.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\n*Shared slots*");
        for (SlotBoard.Pool pool : board.pools()) {
            for (SlotBoard.Slot s : pool.slots()) {
                out.append("\n• *").append(up(s.slot())).append("*: ").append(s.holder().map(h -> "<@" + h.userId()
                        + "> until " + SlackTime.of(h.expiresAt()) + purpose(h)).orElse("free"));
            }
            if (!pool.queue().isEmpty()) {
                out.append("\n• ").append(up(pool.pool())).append(" queue: ");
                out.append(java.util.stream.IntStream.range(0, pool.queue().size()).mapToObj(i -> {
                    SlotClaim q = pool.queue().get(i);
                    return (i + 1) + ". <@" + q.userId() + ">" + (q.asked() == null ? "" : " (for " + q.asked() + ")")
                            + purpose(q);
                }).collect(Collectors.joining(", ")));
            }
        }
        return out.toString();
    }

    public static String granted(SlotClaim c) {
        return ":white_check_mark: *" + up(c.slot()) + "* is yours now, until " + SlackTime.of(c.expiresAt()) + " ("
                + Durations.format(c.hold()) + "): you were next in the " + up(c.pool()) + " queue" + purpose(c)
                + ". Free it with `/deploy release " + c.slot() + "`.";
    }

    public static String expiring(SlotClaim c, boolean canExtend) {
        return ":alarm_clock: Your hold on *" + up(c.slot()) + "* ends " + SlackTime.of(c.expiresAt()) + "."
                + (canExtend ? " Extend keeps it another " + Durations.format(c.hold()) + " (up to max-hold)."
                : " It has reached max-hold and cannot be extended.") + " Release frees it for the next in line.";
    }

    public static String expired(SlotClaim c) {
        return ":hourglass: Your hold on *" + up(c.slot()) + "* ended at " + SlackTime.of(c.expiresAt())
                + "; the slot is free for the next in line. `/deploy claim " + c.slot() + "` to hold it again.";
    }

    public static String releasedFor(SlotClaim c, String by) {
        return ":unlock: <@" + by + "> released your hold on *" + up(c.slot()) + "*.";
    }

    public static String branchNotAllowed(InputProblem.BranchNotAllowed x) {
        return Mrkdwn.code(x.version()) + " looks like a branch, and " + up(x.environment()) + " deploys release versions"
                + " (5.11.2, v1.2.3-rc.1 or a git sha). " + (x.allowing().isEmpty()
                ? "No environment takes branches: set `versions: branches` on one (a shared slot's pool, say)."
                : "Branches deploy to " + String.join(", ", x.allowing()) + " (`versions: branches`).");
    }

    static String up(String name) {
        return name == null ? "?" : name.toUpperCase(Locale.ROOT);
    }

    private static String purpose(SlotClaim c) {
        return c.purposeText().map(p -> " — _" + Mrkdwn.escape(p) + "_").orElse("");
    }

    private static String pools(java.util.Map<String, List<String>> pools) {
        return "Pools: " + pools.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                .collect(Collectors.joining("; "));
    }

    static String ordinal(int n) {
        int tens = n % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
