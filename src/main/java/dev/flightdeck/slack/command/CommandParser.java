package dev.flightdeck.slack.command;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployForm;
import dev.flightdeck.slack.deploy.DeployParser;
import dev.flightdeck.slack.incident.IncidentCommand;
import dev.flightdeck.slack.incident.IncidentForm;
import dev.flightdeck.slack.incident.IncidentParser;

/**
 * The one entry point for the Slack handlers: slash command text in, {@link Parsed} out. Never throws; should a
 * parser ever fail unexpectedly, the user still gets a usage message (a person never sees a stack trace).
 * The parsers make the text plain first ({@link dev.flightdeck.text.Mrkdwn#fromSlack}): commands carry what the
 * person typed, and whatever repeats it escapes it once.
 */
public final class CommandParser {

    private static final Logger LOG = LoggerFactory.getLogger(CommandParser.class);

    private final DeployParser deploy;
    private final IncidentParser incident = new IncidentParser();

    /**
     * @param environments the team's environment names (flightdeck.environments keys); empty when not known
     * @param services     the team's service names (flightdeck.services keys); empty when not known
     */
    public CommandParser(Set<String> environments, Set<String> services) {
        this.deploy = new DeployParser(environments, services);
    }

    public CommandParser() {
        this(Set.of(), Set.of());
    }

    /** @param text the {@code text} field of the {@code /deploy} slash command, as Slack sent it; may be null */
    public Parsed<DeployCommand> parseDeploy(String text) {
        try {
            return deploy.parse(text);
        } catch (RuntimeException e) {
            // The text itself is not logged: it may hold anything a user pasted.
            LOG.error("/deploy parser failed on a {}-character text", text == null ? 0 : text.length(), e);
            return Parsed.invalid("Sorry, I could not read that command.", DeployForm.allUsages(), "/deploy help");
        }
    }

    /** @param text the {@code text} field of the {@code /incident} slash command, as Slack sent it; may be null */
    public Parsed<IncidentCommand> parseIncident(String text) {
        try {
            return incident.parse(text);
        } catch (RuntimeException e) {
            LOG.error("/incident parser failed on a {}-character text", text == null ? 0 : text.length(), e);
            return Parsed.invalid("Sorry, I could not read that command.", IncidentForm.allUsages(), "/incident help");
        }
    }
}
