/**
 * {@code POST /hooks/alerts/{source}}: other monitors' alerts in (DESIGN section 13). Grafana alerting's webhook
 * contact point, a New Relic workflow's webhook destination and a Sentry internal integration's issue-alert action
 * post here with the bearer token FLIGHTDECK_ALERTS_TOKEN (Sentry, which cannot send a header of one's choosing,
 * signs the body with it instead). Each vendor's payload is read into {@link dev.flightdeck.alerts.Reading}s, matched
 * to a team-file service and environment by label, tag or name ({@link dev.flightdeck.alerts.AlertMatcher}) and
 * handed to the domain's {@link dev.flightdeck.alarms.AlertIntake} as an {@link dev.flightdeck.alarms.Alert}, which
 * posts it like a CloudWatch alarm. An adapter: it meets Slack and the database only through the alarms domain.
 */
package dev.flightdeck.alerts;
