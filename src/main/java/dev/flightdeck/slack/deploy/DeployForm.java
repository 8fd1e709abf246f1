package dev.flightdeck.slack.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every {@code /deploy} form: its usage line, what it does and one example. The help text and usages come from here. */
public enum DeployForm {
    REQUEST(null, "/deploy <service> <version> to <env> [runner @user] [-- note] [-- check: <item>]...",
            "Request a deploy: runs the pre-deploy checks, then posts the go/no-go message to the environment's channel."
                    + " Each `-- check: <item>` adds a checklist item; the build starts once every item is ticked.",
            "/deploy commons 5.11.2 to prod runner @alice -- hotfix for login"),
    REQUEST_MODAL(null, "/deploy", "No argument: opens a form with the same fields.", "/deploy"),
    STATUS("status", "/deploy status [service]", "Pending and running deploys, and locks.", "/deploy status commons"),
    HISTORY("history", "/deploy history <service> [env] [n]",
            "Last n (default 10, at most 100) deploys with outcome, approver, duration.", "/deploy history commons prod 20"),
    CANCEL("cancel", "/deploy cancel <id>", "The requester or an approver cancels a request that has not started;"
            + " an approver cancels a stuck build (triggering or running) with a reason: /deploy cancel 42 -- <reason>.",
            "/deploy cancel 42"),
    ROLLBACK("rollback", "/deploy rollback <service> <env>",
            "A new request for the last version that succeeded before the current one.", "/deploy rollback commons prod"),
    LOCK("lock", "/deploy lock <service> <env> -- <reason>", "A manual lock, showing who, when and why.",
            "/deploy lock commons prod -- database migration until 15:00"),
    UNLOCK("unlock", "/deploy unlock <service> <env>", "Removes a manual lock.", "/deploy unlock commons prod"),
    CONFIG("config", "/deploy config <service> <env>",
            "Configuration keys from SSM Parameter Store and Secrets Manager; secret values are never shown.",
            "/deploy config commons prod"),
    CONFIG_DIFF("config diff", "/deploy config diff <service> <env-a> <env-b>",
            "Keys missing on either side, differing plain values, suspicious values.",
            "/deploy config diff commons staging prod"),
    CONFIG_CHECK("config check", "/deploy config check <service> <env>",
            "The service's configuration rules, pass or fail per rule.", "/deploy config check commons prod"),
    CONFIG_SET("config set", "/deploy config set <service> <env> <KEY>",
            "Propose a new value in a form (for services with `config: { changes: true }`): the rules run on it and the"
                    + " environment's approvers decide, like a deploy. A secret's value is never shown again.",
            "/deploy config set commons prod EMAIL_QUEUE_URL"),
    CONFIG_UNSET("config unset", "/deploy config unset <service> <env> <KEY>",
            "Propose removing a key, decided the same way.", "/deploy config unset commons prod OLD_FLAG"),
    CONFIG_REVERT("config revert", "/deploy config revert <change-id>",
            "Propose the value from before an applied change, decided the same way.", "/deploy config revert 12"),
    ALARMS("alarms", "/deploy alarms [service] [env]", "CloudWatch alarms not OK (ALARM, INSUFFICIENT_DATA), since when, why.",
            "/deploy alarms commons prod"),
    HEALTH("health", "/deploy health <service> <env>",
            "Calls the service's deep health URL and shows each dependency's status.", "/deploy health commons prod"),
    LOGS("logs", "/deploy logs <service> <env> [since 1h] [-- <filter>]",
            "Searches the service's CloudWatch log groups (at most the last 30d): up to 20 lines, newest first, secrets"
                    + " masked, how many matched and a console link. The filter is found as typed; `-- query: <query>`"
                    + " runs a Logs Insights query of your own.",
            "/deploy logs commons prod since 2h -- payment declined"),
    SLO("slo", "/deploy slo [service] [env]",
            "Error budgets: the objective, the budget left (share and minutes of full outage), burn rate over 1 h and"
                    + " 6 h and the budget over the window. Without an environment: the environments gating on `slo`,"
                    + " else those named like production (prod, production, prod-…).",
            "/deploy slo commons"),
    STATS("stats", "/deploy stats [service] [days]",
            "Deploy frequency, lead time, change failure rate, time to restore (default 30 days).",
            "/deploy stats commons 90"),
    FLAG("flag", "/deploy flag <key> [env]",
            "A feature flag's state per environment: on or off, what it serves, when it last changed and who last flipped"
                    + " it through Flightdeck.", "/deploy flag new-emails prod"),
    FLAG_FLIP("flag", "/deploy flag <key> on|off in <env>",
            "Ask to turn a flag on or off: the environment's approvers decide, like a deploy, and the go flips it. The"
                    + " commander of an open incident flips a flag marked as a kill switch at once.",
            "/deploy flag new-emails off in prod"),
    CLAIM("claim", "/deploy claim <pool|slot> [for 4h] [-- <what for>]",
            "Hold a shared slot (flightdeck.slots): a free one of the pool, or the one named; when all are held you"
                    + " join the queue and get a DM when one frees. Default hold 4h, at most the environment's max-hold"
                    + " (default 24h); a DM 30 minutes before the end offers Extend and Release.",
            "/deploy claim dev for 2h -- feature/emails"),
    RELEASE("release", "/deploy release <slot>",
            "Free a slot you hold (an approver may free anyone's), or leave a queue; the next in the queue gets it.",
            "/deploy release dev2"),
    HELP("help", "/deploy help", "Every form above with one example each.", "/deploy help");

    /** First words that name a subcommand; anything else in first place is a service name. */
    static final List<String> KEYWORDS = List.of(
            "status", "history", "cancel", "rollback", "lock", "unlock", "config", "alarms", "health", "stats", "help",
            "logs", "slo", "flag", "claim", "release");

    private final String keyword;
    private final String usage;
    private final String description;
    private final String example;

    DeployForm(String keyword, String usage, String description, String example) {
        this.keyword = keyword;
        this.usage = usage;
        this.description = description;
        this.example = example;
    }

    /** The subcommand words ({@code config diff}), or empty for the request forms. */
    public Optional<String> keyword() {
        return Optional.ofNullable(keyword);
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

    /** All usage lines, one per form: the answer to a command nobody recognises. */
    public static String allUsages() {
        return Arrays.stream(values()).map(DeployForm::usage).collect(Collectors.joining("\n"));
    }

    static DeployForm byKeyword(String keyword) {
        return Arrays.stream(values()).filter(f -> keyword.equals(f.keyword)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a /deploy keyword: " + keyword));
    }
}
