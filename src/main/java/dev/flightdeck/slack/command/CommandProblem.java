package dev.flightdeck.slack.command;

/**
 * Thrown inside the parsers to stop at the first problem found; always caught by the parser's public method and
 * turned into {@link Parsed.Invalid}. Carries no stack trace: it is an answer to the user, not a fault.
 */
public final class CommandProblem extends RuntimeException {

    private final String problem;
    private final String usage;
    private final String closestForm;

    public CommandProblem(String problem, String usage, String closestForm) {
        super(problem, null, false, false);
        this.problem = problem;
        this.usage = usage;
        this.closestForm = closestForm;
    }

    /** The closest valid form, or null when none could be built. */
    public String closestForm() {
        return closestForm;
    }

    public <T> Parsed<T> toParsed() {
        return Parsed.invalid(problem, usage, closestForm);
    }
}
