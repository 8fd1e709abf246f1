package dev.flightdeck.slack;

import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.slack.deploy.DeployForm;
import dev.flightdeck.slack.incident.IncidentForm;

/** The answers to {@code /deploy help} and {@code /incident help}: every command form, as mrkdwn. */
public final class HelpText {

    // Both texts depend only on the command tables, and help is the most frequent command: built once.
    private static final String DEPLOY = buildDeploy();
    private static final String INCIDENT = buildIncident();

    private HelpText() {
    }

    public static String deploy() {
        return DEPLOY;
    }

    public static String incident() {
        return INCIDENT;
    }

    private static String buildDeploy() {
        StringBuilder out = new StringBuilder("*Deploys: `/deploy`*\n");
        for (DeployForm form : DeployForm.values()) {
            line(out, form.usage(), form.description(), form.example());
        }
        return out.append("Commands and names are case-insensitive; versions are kept as typed.").toString();
    }

    private static String buildIncident() {
        StringBuilder out = new StringBuilder("*Incidents: `/incident`*\n");
        for (IncidentForm form : IncidentForm.values()) {
            line(out, form.usage(), form.description(), form.example());
        }
        return out.append(Mrkdwn.escape(IncidentForm.ID_HINT)).append('.').toString();
    }

    private static void line(StringBuilder out, String usage, String description, String example) {
        out.append("• `").append(Mrkdwn.escape(usage)).append("`: ").append(Mrkdwn.escape(description));
        if (!example.equals(usage)) {
            out.append("\n      e.g. `").append(Mrkdwn.escape(example)).append('`');
        }
        out.append('\n');
    }
}
