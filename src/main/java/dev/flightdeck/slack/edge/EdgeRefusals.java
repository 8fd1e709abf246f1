package dev.flightdeck.slack.edge;

/**
 * The bodies of the Slack edge's refusals, one text each, so the service ({@link SlackEdge}) and the early edge
 * ({@link EarlyAnswers}) refuse alike. Plain JSON constants: the early edge loads this before Bolt is on hand.
 */
final class EdgeRefusals {

    static final String BAD_SIGNATURE = "{\"error\":\"invalid request signature\"}";
    static final String REPEATED = "{\"error\":\"this signed request was already received; a repeat is refused\"}";
    static final String TOO_MANY_FIELDS = "{\"error\":\"too many form fields (at most " + SlashCommandForm.MAX_FIELDS + ")\"}";

    private EdgeRefusals() {
    }
}
