/**
 * Log searches from Slack ({@code /deploy logs}): the query built from what a person typed ({@link LogQueries}), the
 * {@link LogSearch} port a Logs Insights adapter implements, and the use case ({@link LogSearches}) that runs one
 * search, waits a bounded time for it, masks the service's secrets in what it found and tells the outcome
 * ({@link LogAnswer}) — later, when the query is slow. Speaks no Slack markup and no AWS SDK.
 */
package dev.flightdeck.envconfig.logs;
