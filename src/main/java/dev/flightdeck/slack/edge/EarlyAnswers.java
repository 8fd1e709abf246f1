package dev.flightdeck.slack.edge;

import dev.flightdeck.slack.HelpText;
import dev.flightdeck.slack.command.Parsed;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployParser;
import dev.flightdeck.slack.deploy.DeploySlackIds;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentParser;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.text.JsonStrings;
import dev.flightdeck.text.Mrkdwn;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the early edge answers while the service starts ({@link EarlyEdge}): a signed {@code /deploy help} or
 * {@code /incident help} gets the very answer the service gives (the same parser decides it is help, the same text);
 * any other signed slash command an ephemeral "still starting, nothing was done, send it again"; clicks and Events
 * API deliveries 503 (Slack retries events; a click shows as failed); liveness UP, other health DOWN; a bad signature
 * 401 and a copy of a request already answered 409, as the service answers them. Every signed form is remembered so
 * the service refuses its copies too once it takes over ({@link #seen()}). Nothing here has side effects elsewhere.
 */
final class EarlyAnswers {

    /** What to answer: status, extra headers (name to value) and a JSON body. */
    record Answer(int status, Map<String, String> headers, String json) {
        byte[] bytes() {
            return json.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A signed form request answered here: the service's replay guard is told of it at hand-over. */
    record Seen(String signature, long timestamp) { }

    static final String STARTING = "Flightdeck is starting; try again in a few seconds";
    /** The largest body Micronaut accepts (application.yml micronaut.server.max-request-size). */
    static final int MAX_BODY = 1024 * 1024;

    private final SlackSignatureVerifier verifier;
    private final DeployParser deploy;
    private final IncidentParser incident = new IncidentParser();
    private final Map<String, Seen> seen = new HashMap<>();

    EarlyAnswers(EarlyEdgeSettings settings) {
        this.verifier = new SlackSignatureVerifier(settings.signingSecret());
        this.deploy = new DeployParser(settings.environments(), settings.services());
    }

    /** @param header a request header by lower-case name, null when absent */
    Answer answer(String method, String path, Function<String, String> header, byte[] body, Instant now) {
        if (path.equals("/health/liveness")) {
            return new Answer(200, Map.of(), "{\"status\":\"UP\"}");
        }
        if (path.equals("/health") || path.startsWith("/health/")) {
            return new Answer(503, Map.of("Retry-After", "5"), "{\"status\":\"DOWN\"}");
        }
        if (!"POST".equals(method) || !path.equals(SlackEventsController.PATH)) {
            return starting();
        }
        String timestamp = header.apply("x-slack-request-timestamp");
        String signature = header.apply("x-slack-signature");
        if (verifier.verify(timestamp, signature, body, now) instanceof SlackSignatureVerifier.Verdict.Rejected) {
            return new Answer(401, Map.of(), EdgeRefusals.BAD_SIGNATURE);
        }
        String text = new String(body, StandardCharsets.UTF_8); // a form is ASCII; its %-escapes are UTF-8
        if (!text.isEmpty() && text.charAt(0) == '{') {
            return starting(); // an Events API delivery: Slack sends it again
        }
        Map<String, String> form;
        try {
            form = SlashCommandForm.decode(text);
        } catch (SlashCommandForm.TooManyFields e) {
            return new Answer(400, Map.of(), EdgeRefusals.TOO_MANY_FIELDS);
        }
        if (!firstTime(signature.trim(), Long.parseLong(timestamp.trim()))) {
            return new Answer(409, Map.of(), EdgeRefusals.REPEATED);
        }
        String command = form.get("command");
        if (command == null) {
            return starting(); // a click or a modal: Slack shows it failed, nothing was done
        }
        String typed = form.getOrDefault("text", "");
        String help = help(command, typed);
        if (help != null) {
            return ephemeral(help);
        }
        String shown = (command + " " + Mrkdwn.fromSlack(typed)).trim();
        return ephemeral(":hourglass_flowing_sand: Flightdeck is still starting, so " + Mrkdwn.code(shown)
                + " was not run and nothing changed. Send it again in a few seconds.");
    }

    /** The signed forms answered so far. */
    synchronized List<Seen> seen() {
        return new ArrayList<>(seen.values());
    }

    private synchronized boolean firstTime(String signature, long timestamp) {
        return seen.putIfAbsent(signature, new Seen(signature, timestamp)) == null;
    }

    private String help(String command, String typed) {
        if (command.equals(DeploySlackIds.DEPLOY_COMMAND)
                && deploy.parse(typed) instanceof Parsed.Ok<DeployCommand> ok && ok.command() instanceof DeployCommand.Help) {
            return HelpText.deploy();
        }
        if (command.equals(IncidentSlackIds.INCIDENT_COMMAND)
                && incident.parse(typed) instanceof Parsed.Ok<IncidentCommand> ok && ok.command() instanceof IncidentCommand.Help) {
            return HelpText.incident();
        }
        return null;
    }

    private static Answer ephemeral(String mrkdwn) {
        return new Answer(200, Map.of(), "{\"response_type\":\"ephemeral\",\"text\":" + JsonStrings.quote(mrkdwn) + "}");
    }

    private static Answer starting() {
        return new Answer(503, Map.of("Retry-After", "5"), "{\"error\":" + JsonStrings.quote(STARTING) + "}");
    }
}
