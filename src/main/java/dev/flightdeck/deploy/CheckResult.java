package dev.flightdeck.deploy;

/**
 * A pre-deploy check's result as recorded on a request. A blocking result stops the go until an approver
 * overrides it with a written reason (break-glass); {@code overriddenBy}/{@code overrideReason} are null until then.
 * A {@code waiting} result (CI still running) lets the goes in but holds the build's start until it settles or is
 * overridden; a result with a {@code recheckAt} runs again then ({@link DeployRechecks}), null: never again, and
 * sooner when news of {@code waitsOn} arrives (for the ci gate, the commit sha whose CI runs).
 */
public record CheckResult(String name, boolean blocked, String text, String overriddenBy, String overrideReason,
                          boolean waiting, java.time.Instant recheckAt, String waitsOn) {

    public CheckResult(String name, boolean blocked, String text, String overriddenBy, String overrideReason) {
        this(name, blocked, text, overriddenBy, overrideReason, false, null, null);
    }

    public static CheckResult passed(String name, String text) {
        return new CheckResult(name, false, text, null, null);
    }

    public static CheckResult blocked(String name, String text) {
        return new CheckResult(name, true, text, null, null);
    }

    public boolean overridden() {
        return overriddenBy != null;
    }

    /** Blocked and not overridden: this one stops the deploy. */
    public boolean blocking() {
        return blocked && !overridden();
    }

    /** Waiting and not overridden: the goes may come, the build may not start yet. */
    public boolean holding() {
        return waiting && !overridden();
    }

    /** Blocking or holding: the build may not start, and an approver may override it. */
    public boolean stopsStart() {
        return blocking() || holding();
    }

    /** The same result overridden: kept as it was found, with who overrode it and why. */
    public CheckResult overriddenBy(String by, String reason) {
        return new CheckResult(name, blocked, text, by, reason, waiting, recheckAt, waitsOn);
    }
}
