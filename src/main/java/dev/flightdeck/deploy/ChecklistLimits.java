package dev.flightdeck.deploy;

/**
 * How long a deploy's checklist may be, from the team file and the request together. The go/no-go message draws it
 * as one checkboxes element, and Slack takes at most 10 options of at most 75 characters.
 */
public final class ChecklistLimits {
    public static final int MAX_ITEMS = 10;
    public static final int MAX_ITEM_LENGTH = 75;

    private ChecklistLimits() {
    }
}
