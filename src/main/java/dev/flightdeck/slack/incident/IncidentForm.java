package dev.flightdeck.slack.incident;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Every {@code /incident} form: its usage line, what it does and one example. */
public enum IncidentForm {
    DECLARE("declare", "/incident declare <title> [sev1..sev4]",
            "Creates the incident and its channel, makes you commander, pins its card (which asks for a "
                    + "communicator until one is named), announces it. "
                    + "Default severity: sev3.", "/incident declare Checkout returns 500s sev2"),
    DECLARE_SHORT(null, "/incident <title> [sev1..sev4]", "The same, without the word declare.",
            "/incident Login page slow for EU users"),
    DECLARE_MODAL(null, "/incident", "No argument: opens a form to declare an incident.", "/incident"),
    ROLE("role", "/incident role commander|communicator @user", "Assign or hand over a role.",
            "/incident role communicator @dana"),
    UPDATE("update", "/incident update [investigating|identified|monitoring] <text>",
            "A status update, posted here and to the stakeholder channel.",
            "/incident update identified Bad config on the EU queue, rolling back"),
    PUBLIC_UPDATE(null, "/incident update --public [investigating|identified|monitoring] <text>",
            "The same, also published on the status page (the commander or communicator; name no one in it).",
            "/incident update --public identified Some card payments fail; a fix is rolling out"),
    SEVERITY("severity", "/incident severity sev1..sev4", "Change severity (re-announced when raised).",
            "/incident severity sev1"),
    NOTE("note", "/incident note <text>", "Add a timeline entry (or react :pushpin: to any message).",
            "/incident note Restarted the consumer on worker-3"),
    RESOLVE("resolve", "/incident resolve", "Opens the summary form; on submit, marks the incident resolved.",
            "/incident resolve"),
    SUMMARY("summary", "/incident summary [id]", "The generated summary, and the link to its page.",
            "/incident summary INC-12"),
    LIST("list", "/incident list", "Open incidents with severity, age, commander, communicator, last update.",
            "/incident list"),
    FOLLOW_UP("follow-up", "/incident follow-up <text> [@owner] [due YYYY-MM-DD]",
            "A follow-up for the incident: yours unless you name an owner, due in 14 days unless you say. Its owner "
                    + "is reminded by DM on the due day and weekly after. Or use the Make follow-up message shortcut.",
            "/incident follow-up Add an alarm on queue depth @dana due 2026-12-31"),
    FOLLOW_UPS("follow-ups", "/incident follow-ups [@owner|all]",
            "Open follow-ups across incidents: yours, someone's, or everyone's.", "/incident follow-ups all"),
    PAGE("page", "/incident page <target> [-- message]", "Pages an on-call target of the team file (PagerDuty or "
            + "Opsgenie) about the incident; resolving the incident resolves the page.",
            "/incident page platform -- Checkout down in EU"),
    ONCALL("oncall", "/incident oncall [target]", "Who is on call now, for every target or the one named.",
            "/incident oncall platform"),
    ACCESS("access", "/incident access [<permission-set> [for 2h] -- <reason>]",
            "Asks for temporary AWS access (IAM Identity Center) for this incident; an approver grants it. "
                    + "No argument: the live grants.", "/incident access ReadOnly for 2h -- reading the queue's metrics"),
    HELP("help", "/incident help", "Every form above.", "/incident help");

    /** First words that name a subcommand; anything else starts a title. {@code sev} is short for severity. */
    static final List<String> KEYWORDS = List.of(
            "declare", "role", "update", "severity", "note", "resolve", "summary", "list", "help", "follow-up",
            "follow-ups", "page", "oncall", "access");

    /** Outside an incident channel these forms name the incident: {@code /incident note INC-12 ...}. */
    public static final String ID_HINT = "Inside an incident channel the incident is implied; elsewhere add its id, "
            + "e.g. /incident note INC-12 Paged the DBA";

    private final String keyword;
    private final String usage;
    private final String description;
    private final String example;

    IncidentForm(String keyword, String usage, String description, String example) {
        this.keyword = keyword;
        this.usage = usage;
        this.description = description;
        this.example = example;
    }

    public String usage() {
        return usage;
    }

    public String description() {
        return description;
    }

    public String example() {
        return example;
    }

    public static String allUsages() {
        return Arrays.stream(values()).map(IncidentForm::usage).collect(Collectors.joining("\n"));
    }

    static IncidentForm byKeyword(String keyword) {
        return Arrays.stream(values()).filter(f -> keyword.equals(f.keyword)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an /incident keyword: " + keyword));
    }
}
