package dev.flightdeck.slack.incident;

import java.util.Optional;

/**
 * A parsed {@code /incident} command, one record per subcommand.
 * Titles and texts are as typed (whitespace collapsed; Slack's own escaping of '&', '<', '>' and mentions kept).
 */
public sealed interface IncidentCommand {

    /**
     * A command about one incident: the channel it is typed in implies which, unless it names one.
     * incidentId is normalised to {@code INC-12}.
     */
    sealed interface ForIncident extends IncidentCommand {
        Optional<String> incidentId();
    }

    /** {@code /incident declare <title> [sev1..sev4]} or {@code /incident <title>}; severity defaults to sev3. */
    record Declare(String title, CommandSeverity severity) implements IncidentCommand {
        /** The incident table's title column holds this many characters. */
        public static final int MAX_TITLE = 500;
    }

    /** {@code /incident} or {@code /incident declare} with no title. */
    record OpenDeclareModal() implements IncidentCommand {
    }

    /** userId is a Slack user id. */
    record Role(RoleName role, String userId, Optional<String> incidentId) implements ForIncident {
    }

    record Update(Optional<UpdateStatus> status, String text, Optional<String> incidentId) implements ForIncident {
    }

    record SetSeverity(CommandSeverity severity, Optional<String> incidentId) implements ForIncident {
    }

    record Note(String text, Optional<String> incidentId) implements ForIncident {
    }

    record Resolve(Optional<String> incidentId) implements ForIncident {
    }

    record Summary(Optional<String> incidentId) implements ForIncident {
    }

    record List() implements IncidentCommand {
    }

    record Help() implements IncidentCommand {
    }

    /** {@code /incident page <target> [-- message]}: pages an on-call target of the team file about the incident. */
    record Page(String target, Optional<String> message, Optional<String> incidentId) implements ForIncident {
    }

    /** {@code /incident oncall [target]}: who is on call now, for one target or every one. */
    record Oncall(Optional<String> target) implements IncidentCommand {
    }

    /** {@code /incident access <permission-set> [for 2h] -- <reason>}: break-glass access; no duration: the default. */
    record Access(String permissionSet, Optional<java.time.Duration> duration, String reason,
                  Optional<String> incidentId) implements ForIncident {
        /** The reason column holds this many characters. */
        public static final int MAX_REASON = 1000;
    }

    /** {@code /incident access}: the incident's live break-glass access. */
    record AccessList(Optional<String> incidentId) implements ForIncident {
    }

    /**
     * {@code /incident follow-up <text> [@owner] [due YYYY-MM-DD]}: ownerId empty means the person typing; due empty
     * means the default (see {@code FollowUps.DEFAULT_DUE_DAYS}).
     */
    record AddFollowUp(String text, Optional<String> ownerId, Optional<java.time.LocalDate> due,
                       Optional<String> incidentId) implements ForIncident {
    }

    /** {@code /incident follow-ups [@owner|all]}: open follow-ups across incidents, the typist's by default. */
    record ListFollowUps(Optional<String> ownerId, boolean everyone) implements IncidentCommand {
    }

    /** {@code /incident update --public [status] <text>}: an update, also published on the status page. */
    record PublishUpdate(Optional<UpdateStatus> status, String text, Optional<String> incidentId) implements ForIncident {
    }
}
