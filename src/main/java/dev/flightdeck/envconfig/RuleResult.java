package dev.flightdeck.envconfig;

/** One rule applied to one key: what it found, and whether that passes, warns, fails or could not be told. */
public record RuleResult(Rule rule, String key, Outcome outcome, RuleFinding finding) {

    public enum Rule {
        REQUIRED("required"),
        PATTERN("pattern"),
        DIFFER_ACROSS_ENVIRONMENTS("differ-across-environments"),
        UNIQUE_ACROSS_SERVICES("unique-across-services"),
        NAMES_OTHER_ENVIRONMENT("names another environment");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        /** The name used in the team config (or, for the built-in check, what it looks for). */
        public String label() {
            return label;
        }
    }

    /** FAIL and UNKNOWN block a deploy; WARN is shown but does not. */
    public enum Outcome {
        PASS, WARN, FAIL, UNKNOWN;

        public boolean blocks() {
            return this == FAIL || this == UNKNOWN;
        }
    }

    public static RuleResult pass(Rule rule, String key, RuleFinding finding) {
        return new RuleResult(rule, key, Outcome.PASS, finding);
    }

    public static RuleResult fail(Rule rule, String key, RuleFinding finding) {
        return new RuleResult(rule, key, Outcome.FAIL, finding);
    }
}
