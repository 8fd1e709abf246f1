package dev.flightdeck.envconfig.logs;

/**
 * The port to a log store that runs queries asynchronously (CloudWatch Logs Insights): start a query, look at its
 * results until it is complete, stop one nobody waits for any more. Every method may throw
 * {@link LogSearchException} with a sentence a person can act on.
 */
public interface LogSearch {

    /** Starts the query; its id, for {@link #results} and {@link #stop}. */
    String start(LogQuery query);

    /** Where the query stands now, with the rows found so far (complete only when {@link QueryResults#complete()}). */
    QueryResults results(String queryId);

    /** Stops a query that is still running; best effort, a query that has ended already is fine. */
    void stop(String queryId);

    /** A link that opens the same query over the same time range in the store's own console. */
    String consoleLink(LogQuery query);
}
