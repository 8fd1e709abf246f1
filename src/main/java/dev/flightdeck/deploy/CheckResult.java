package dev.flightdeck.deploy;

/**
 * A pre-deploy check's result as recorded on a request. A blocking result stops the go until an approver
 * overrides it with a written reason (break-glass); {@code overriddenBy}/{@code overrideReason} are null until then.
 */
public record CheckResult(String name, boolean blocked, String text, String overriddenBy, String overrideReason) {

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
}
