package dev.flightdeck.config;

import dev.flightdeck.incident.access.AccessConfig;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.paging.OncallTarget;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.flightdeck.config.ErrorSink.show;

/** flightdeck.incidents beyond the channel (DESIGN section 14): follow-ups, oncall, access. */
final class IncidentExtrasParser {
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern JIRA_PROJECT = Pattern.compile("[A-Z][A-Z0-9_]{1,9}");
    private static final Pattern TARGET = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern INSTANCE_ARN = Pattern.compile("arn:aws[a-z-]*:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    private static final Pattern PERMISSION_SET_ARN =
            Pattern.compile("arn:aws[a-z-]*:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    private static final Pattern IDENTITY_STORE = Pattern.compile("d-[0-9a-f]{10}|[0-9a-f-]{36}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Duration MAX_GRANT = Duration.ofHours(12);

    private IncidentExtrasParser() {
    }

    /** {@code follow-ups: { github: owner/repo }} or {@code follow-ups: { jira: { url, project, user, token-env } }}. */
    static Optional<FollowUpExport> followUps(Section s) {
        s.allowOnly(Set.of("github", "jira"));
        if (s.has("github") && s.has("jira")) {
            s.error("github", "name one place to export follow-ups to: github or jira, not both");
            return Optional.empty();
        }
        if (s.has("github")) {
            Optional<String> repo = s.string("github");
            if (repo.isPresent() && !REPO.matcher(repo.get()).matches()) {
                s.error("github", "must be a repository as owner/name, like acme/ops, got " + show(repo.get()));
                return Optional.empty();
            }
            return repo.map(FollowUpExport.Github::new);
        }
        return s.section("jira").flatMap(IncidentExtrasParser::jira);
    }

    private static Optional<FollowUpExport> jira(Section j) {
        j.allowOnly(Set.of("url", "project", "user", "token-env"));
        Optional<URI> url = j.requiredString("url").flatMap(u -> {
            Optional<URI> uri = BuildBackendParser.httpUrl(u);
            if (uri.isEmpty()) {
                j.error("url", "must be the site's http:// or https:// URL, like https://acme.atlassian.net, got "
                        + show(u));
            }
            return uri;
        });
        Optional<String> project = j.requiredString("project");
        if (project.isPresent() && !JIRA_PROJECT.matcher(project.get()).matches()) {
            j.error("project", "must be a Jira project key in capitals, like OPS, got " + show(project.get()));
            project = Optional.empty();
        }
        Optional<String> user = j.requiredString("user");
        Optional<String> token = BuildBackendParser.envVar(j, "token-env", true);
        if (url.isEmpty() || project.isEmpty() || user.isEmpty() || token.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FollowUpExport.Jira(url.get(), project.get(), user.get(), token.get()));
    }

    /**
     * {@code oncall: { platform: { pagerduty-routing-key-env: PD_KEY } }} or
     * {@code { opsgenie: { api-key-env, team, schedule } } }: targets by the name typed after /incident page.
     */
    static Map<String, OncallTarget> oncall(Section s) {
        Map<String, OncallTarget> targets = new LinkedHashMap<>();
        for (String name : s.keys()) {
            if (!TARGET.matcher(name).matches()) {
                s.error(name, "target names are lowercase letters, digits, - and _ (they are typed in /incident page),"
                        + " got " + show(name));
                continue;
            }
            Section.of(s.raw(name), s.child(name), s.errors()).flatMap(t -> target(name, t))
                    .ifPresent(t -> targets.put(name, t));
        }
        return targets;
    }

    private static Optional<OncallTarget> target(String name, Section t) {
        t.allowOnly(Set.of("pagerduty-routing-key-env", "pagerduty-api-key-env", "escalation-policy", "opsgenie"));
        boolean pagerduty = t.has("pagerduty-routing-key-env");
        if (pagerduty == t.has("opsgenie")) {
            t.error(pagerduty ? "opsgenie" : "pagerduty-routing-key-env", pagerduty
                    ? "name one pager for a target: pagerduty-routing-key-env or opsgenie, not both"
                    : "is required (or opsgenie: { api-key-env, team }): the pager this target is reached through");
            return Optional.empty();
        }
        if (pagerduty) {
            Optional<String> routing = BuildBackendParser.envVar(t, "pagerduty-routing-key-env", true);
            Optional<String> api = BuildBackendParser.envVar(t, "pagerduty-api-key-env", false);
            Optional<String> policy = t.string("escalation-policy");
            return routing.map(r -> new OncallTarget.PagerDuty(name, r, api, policy));
        }
        if (t.has("pagerduty-api-key-env") || t.has("escalation-policy")) {
            t.error("opsgenie", "pagerduty-api-key-env and escalation-policy are PagerDuty settings; an Opsgenie"
                    + " target has api-key-env, team and schedule");
        }
        return t.section("opsgenie").flatMap(o -> {
            o.allowOnly(Set.of("api-key-env", "team", "schedule"));
            Optional<String> key = BuildBackendParser.envVar(o, "api-key-env", true);
            Optional<String> team = o.string("team");
            Optional<String> schedule = o.string("schedule");
            return key.map(k -> new OncallTarget.Opsgenie(name, k, team, schedule));
        });
    }

    /** {@code access:} break-glass through IAM Identity Center. */
    static Optional<AccessConfig> access(Section s) {
        s.allowOnly(Set.of("instance-arn", "identity-store-id", "account", "permission-sets", "max-duration",
                "approvers", "commander-grants"));
        Optional<String> instance = matching(s, "instance-arn", INSTANCE_ARN,
                "an IAM Identity Center instance ARN like arn:aws:sso:::instance/ssoins-1234567890abcdef");
        Optional<String> store = matching(s, "identity-store-id", IDENTITY_STORE,
                "an identity store id like d-1234567890");
        Optional<String> account = matching(s, "account", ACCOUNT, "a 12-digit AWS account id (quote it)");
        Map<String, String> sets = new LinkedHashMap<>();
        if (!s.has("permission-sets")) {
            s.error("permission-sets", "is required: the permission sets that may be granted, by name, like"
                    + " { ReadOnly: \"arn:aws[a-z-]*:sso:::permissionSet/ssoins-…/ps-…\" }");
        }
        s.section("permission-sets").ifPresent(p -> {
            for (String name : p.keys()) {
                p.string(name).ifPresent(arn -> {
                    if (!PERMISSION_SET_ARN.matcher(arn).matches()) {
                        p.error(name, "must be a permission set ARN like arn:aws:sso:::permissionSet/ssoins-…/ps-…,"
                                + " got " + show(arn));
                    } else if (instance.isPresent() && !arn.contains(instance.get().substring(
                            instance.get().lastIndexOf('/') + 1) + "/")) {
                        p.error(name, "belongs to another Identity Center instance than instance-arn");
                    } else {
                        sets.put(name, arn);
                    }
                });
            }
        });
        Duration max = s.duration("max-duration").orElse(AccessConfig.DEFAULT_MAX_DURATION);
        if (max.compareTo(Duration.ofMinutes(15)) < 0 || max.compareTo(MAX_GRANT) > 0) {
            s.error("max-duration", "must be between 15m and 12h (Identity Center access is break-glass), got "
                    + show(s.raw("max-duration")));
        }
        var approvers = EnvironmentParser.approvers(s);
        boolean commanderGrants = s.bool("commander-grants").orElse(false);
        if (approvers.isEmpty() && !commanderGrants) {
            s.error("approvers", "is required unless commander-grants is true: someone must grant access");
        }
        if (instance.isEmpty() || store.isEmpty() || account.isEmpty() || sets.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccessConfig(instance.get(), store.get(), account.get(), sets, max, approvers,
                commanderGrants));
    }

    private static Optional<String> matching(Section s, String key, Pattern pattern, String what) {
        Optional<String> value = s.requiredString(key);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            s.error(key, "must be " + what + ", got " + show(value.get()));
            return Optional.empty();
        }
        return value;
    }
}
