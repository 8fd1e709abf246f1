package dev.flightdeck.incident.followup;

import java.net.URI;

/**
 * Where follow-ups are exported, from the team file's {@code incidents.follow-ups}: GitHub issues in one repository
 * ({@code github: acme/ops}) or Jira issues in one project ({@code jira: { url, project, user, token-env }}).
 * Tokens are named by environment variable, never held here.
 */
public sealed interface FollowUpExport {

    /** {@code repo} is {@code owner/name}. */
    record Github(String repo) implements FollowUpExport {
    }

    /** {@code url} is the site's base URL; {@code user} the account the API token belongs to. */
    record Jira(URI url, String project, String user, String tokenEnv) implements FollowUpExport {
    }
}
