package dev.flightdeck.slack.incident.paging;

import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentResult;
import dev.flightdeck.incident.paging.OncallLookup;
import dev.flightdeck.incident.paging.OncallTarget;
import dev.flightdeck.incident.paging.Oncalls;
import dev.flightdeck.incident.paging.Page;
import dev.flightdeck.incident.paging.PageResult;
import dev.flightdeck.incident.paging.PagingWords;
import dev.flightdeck.text.Closest;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.UtcTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** Every word paging says in Slack: answers to {@code /incident page} and {@code oncall}, and the channel's lines. */
final class PageWords {

    private PageWords() {
    }

    static String target(OncallTarget t) {
        return "*" + Mrkdwn.escape(t.name()) + "* (" + PagingWords.kind(t) + ")";
    }

    private static String by(Page p) {
        return Page.FLIGHTDECK.equals(p.requestedBy()) ? "" : " by <@" + p.requestedBy() + ">";
    }

    private static String message(Page p) {
        return p.message().map(m -> " — " + Mrkdwn.escape(m)).orElse("");
    }

    // ---- answers to the person

    static String answer(PageResult result) {
        if (result instanceof PageResult.Queued q) {
            return "Paging " + target(q.target()) + " for " + q.incident().id() + "… The channel hears when "
                    + PagingWords.kind(q.target()) + " has it.";
        }
        if (result instanceof PageResult.AlreadyPaged a) {
            return target(a.target()) + " is already paged for " + a.incident().id() + " (" + state(a.page())
                    + "); it is not paged twice. Resolving the incident resolves the page.";
        }
        if (result instanceof PageResult.UnknownTarget u) {
            return unknown(u.name(), u.known());
        }
        return refusal(((PageResult.NoIncident) result).why());
    }

    static String unknown(String name, List<String> known) {
        if (known.isEmpty()) {
            return "The team file names no on-call targets: add `oncall: { <name>: { pagerduty-routing-key-env: … } }`"
                    + " under `incidents:`.";
        }
        String meant = Closest.suggestion(name, known).map(s -> " Did you mean `" + s + "`?").orElse("");
        return "`" + Mrkdwn.escape(name) + "` is not an on-call target." + meant + " The team file names: "
                + known.stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")) + ".";
    }

    private static String state(Page p) {
        return switch (p.state()) {
            case TRIGGER_PENDING -> "being sent";
            case TRIGGERED -> "paged";
            case RESOLVE_PENDING, RESOLVED, CANCELLED -> "resolved";
            case FAILED -> "failed";
        };
    }

    static String refusal(IncidentResult.Refused why) {
        if (why instanceof IncidentResult.NoSuchIncident no) {
            return no.id() + " does not exist. `/incident list` shows the open incidents.";
        }
        if (why instanceof IncidentResult.IsResolved r) {
            return r.incident().id() + " is resolved: there is nobody to page for it.";
        }
        return "This is not an incident channel. Name the incident, e.g. `/incident page INC-12 platform`, or run the "
                + "command in the incident's channel.";
    }

    // ---- the channel's lines

    static String paged(Incident i, Page p, OncallTarget t) {
        return ":rotating_light: Paged " + target(t) + " for " + i.id() + by(p) + message(p) + ".";
    }

    static String retrying(Incident i, Page p, OncallTarget t, String reason, Instant next, Instant now) {
        String what = p.state() == dev.flightdeck.incident.paging.PageState.RESOLVE_PENDING
                ? "Resolving the page of " : "Paging ";
        return ":warning: " + what + target(t) + " for " + i.id() + " failed: " + Mrkdwn.escapeForeign(reason)
                + ". Trying again in " + Durations.format(Duration.ofSeconds(Math.max(1,
                (Duration.between(now, next).toMillis() + 999) / 1000))) + ", and until it gets through.";
    }

    static String failed(Incident i, Page p, OncallTarget t, String reason) {
        return ":x: Could not page " + target(t) + " for " + i.id() + ": "
                + Mrkdwn.escapeForeign(reason) + ". Nothing more is sent; once fixed, `/incident page " + p.target()
                + "` tries again.";
    }

    static String resolved(Incident i, Page p, OncallTarget t) {
        return "Resolved the page of " + target(t) + " for " + i.id() + ".";
    }

    // ---- who is on call

    static String oncall(Oncalls.Result result, Instant now) {
        if (result instanceof Oncalls.Result.UnknownTarget u) {
            return unknown(u.name(), u.known());
        }
        List<Oncalls.TargetAnswer> targets = ((Oncalls.Result.Shown) result).targets();
        if (targets.isEmpty()) {
            return unknown("", List.of());
        }
        StringBuilder out = new StringBuilder("*On call now*\n");
        for (Oncalls.TargetAnswer a : targets) {
            out.append("• ").append(target(a.target())).append(": ").append(people(a)).append('\n');
        }
        Instant oldest = targets.stream().map(Oncalls.TargetAnswer::asOf).min(Instant::compareTo).orElse(now);
        return out.append("_As of ").append(UtcTime.format(oldest)).append("; kept for ")
                .append(Durations.format(Oncalls.CACHE)).append("._").toString();
    }

    private static String people(Oncalls.TargetAnswer a) {
        if (a.answer() instanceof OncallLookup.Answer.NotConfigured n) {
            return "not asked: the team file names no `" + n.missing() + "` for it";
        }
        if (a.answer() instanceof OncallLookup.Answer.Failed f) {
            return "could not ask: " + Mrkdwn.escapeForeign(f.reason());
        }
        if (a.people().isEmpty()) {
            return "nobody is on call";
        }
        return a.people().stream().map(p -> p.slackUser().map(u -> "<@" + u + ">")
                        .orElseGet(() -> Mrkdwn.escapeForeign(p.name()) + p.email().filter(e -> !e.equals(p.name()))
                                .map(e -> " (" + Mrkdwn.escapeForeign(e) + ")").orElse(""))
                        + (p.level() > 1 ? " (level " + p.level() + ")" : ""))
                .collect(Collectors.joining(", "));
    }
}
