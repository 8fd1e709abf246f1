package dev.flightdeck.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.flightdeck.config.ErrorSink.show;
import dev.flightdeck.incident.IncidentsConfig;
import dev.flightdeck.incident.Severity;
import dev.flightdeck.team.ChannelRef;
import dev.flightdeck.team.WebhooksConfig;
import dev.flightdeck.text.Durations;

/** flightdeck.incidents and flightdeck.webhooks. */
final class IncidentsParser {
    // Slack emoji names: lowercase letters, digits, and _ + - '
    private static final Pattern EMOJI = Pattern.compile("[a-z0-9_+'-]+");

    private IncidentsParser() {
    }

    static IncidentsConfig incidents(Section s) {
        s.allowOnly(new LinkedHashSet<>(List.of("announce-channel", "stakeholder-channel", "update-every",
                "timeline-reaction", "follow-ups", "oncall", "page-on", "access")));
        Optional<ChannelRef> announce = EnvironmentParser.channel(s, "announce-channel", false);
        Optional<ChannelRef> stakeholders = EnvironmentParser.channel(s, "stakeholder-channel", false);
        Map<Severity, Duration> cadence = IncidentsConfig.defaultUpdateEvery();
        s.section("update-every").ifPresent(u -> updateEvery(u, cadence));
        String reaction = s.string("timeline-reaction").map(r -> r.replaceAll("^:|:$", ""))
                .orElse(IncidentsConfig.DEFAULT_TIMELINE_REACTION);
        if (!EMOJI.matcher(reaction).matches()) {
            s.error("timeline-reaction", "must be an emoji name like pushpin, got " + show(reaction));
        }
        var followUps = s.section("follow-ups").flatMap(IncidentExtrasParser::followUps);
        var oncall = s.section("oncall").map(IncidentExtrasParser::oncall).orElse(Map.of());
        Optional<Severity> pageOn = EnvironmentParser.severity(s, "page-on");
        if (pageOn.isPresent() && oncall.isEmpty()) {
            s.error("page-on", "pages every oncall target, and none is named: add oncall: { <name>: {"
                    + " pagerduty-routing-key-env: … } }");
        }
        var access = s.section("access").flatMap(IncidentExtrasParser::access);
        return new IncidentsConfig(announce, stakeholders, cadence, reaction, followUps, oncall, pageOn, access);
    }

    /** Severities not listed keep their defaults; "none" (or false) turns reminders off for that severity. */
    private static void updateEvery(Section u, Map<Severity, Duration> cadence) {
        u.allowOnly(new LinkedHashSet<>(Arrays.stream(Severity.values()).map(Severity::label).toList()));
        for (Severity sev : Severity.values()) {
            Object raw = u.raw(sev.label());
            if (raw == null) {
                continue;
            }
            if ("none".equals(raw) || Boolean.FALSE.equals(raw)) {
                cadence.remove(sev);
            } else {
                Optional<Duration> d = raw instanceof String t ? Durations.parse(t) : Optional.empty();
                d.ifPresentOrElse(v -> cadence.put(sev, v), () -> u.error(sev.label(),
                        "must be a duration like 30m, 1h or 4h, or none, got " + show(raw)));
            }
        }
    }

    static WebhooksConfig webhooks(Section s) {
        s.allowOnly(Set.of("jenkins-token-env", "circleci-secret-env", "github-secret-env"));
        return new WebhooksConfig(BuildBackendParser.envVar(s, "jenkins-token-env", false),
                BuildBackendParser.envVar(s, "circleci-secret-env", false),
                BuildBackendParser.envVar(s, "github-secret-env", false));
    }
}
