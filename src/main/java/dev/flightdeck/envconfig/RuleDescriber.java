package dev.flightdeck.envconfig;

/**
 * Puts a rule's finding into words for the deploy gate's reason, which the go/no-go message shows. The wording (and
 * its markup) belongs to the chat adapter, so the config gate asks for it instead of writing it.
 */
public interface RuleDescriber {

    String describe(RuleResult result);
}
