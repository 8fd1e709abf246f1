package dev.flightdeck.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of a deploy's checklist, as plain functions: which items a request gets, whether they fit, whether the
 * build may start, and what one tick or untick changes.
 */
public final class Checklist {

    private Checklist() {
    }

    /** The team file's items, then the typed ones the team file does not already have, blanks dropped. */
    public static List<String> items(List<String> teamFile, List<String> typed) {
        Set<String> all = new LinkedHashSet<>(teamFile);
        typed.stream().map(String::strip).filter(t -> !t.isEmpty()).forEach(all::add);
        return List.copyOf(all);
    }

    /** What is wrong with the typed items on top of the team file's, or empty when they fit Slack's checkboxes. */
    public static Optional<InputProblem> problem(List<String> teamFile, List<String> typed) {
        for (String item : typed) {
            if (item.strip().length() > ChecklistLimits.MAX_ITEM_LENGTH) {
                return Optional.of(new InputProblem.ChecklistItemTooLong(item.strip(), ChecklistLimits.MAX_ITEM_LENGTH));
            }
        }
        int total = items(teamFile, typed).size();
        if (total > ChecklistLimits.MAX_ITEMS) {
            return Optional.of(new InputProblem.ChecklistTooLong(total, teamFile.size(), ChecklistLimits.MAX_ITEMS));
        }
        return Optional.empty();
    }

    /** The texts of the items nobody has ticked, in order. */
    public static List<String> unticked(List<ChecklistItem> items) {
        return items.stream().filter(i -> !i.ticked()).map(ChecklistItem::text).toList();
    }

    /** The build may start: every item is ticked (an empty checklist is complete). */
    public static boolean complete(List<ChecklistItem> items) {
        return items.stream().allMatch(ChecklistItem::ticked);
    }

    /** One item to tick ({@code tick}) or untick. */
    public record Change(int ordinal, boolean tick) {
    }

    /**
     * What a click on the checkboxes changes. {@code selected} is what the clicker's checkboxes hold after the click;
     * {@code seen}, when known, what they held before it (the message as the clicker saw it). The difference with the
     * stored state is the change, but only where the clicker changed something: an item someone else ticked or
     * unticked a moment ago, not yet on the clicker's screen, is left as it is, so two people ticking at once both
     * count. Unknown ordinals are ignored.
     */
    public static List<Change> changes(List<ChecklistItem> stored, Set<Integer> selected, Optional<Set<Integer>> seen) {
        List<Change> changes = new ArrayList<>();
        for (ChecklistItem item : stored) {
            boolean wanted = selected.contains(item.ordinal());
            if (wanted == item.ticked()) {
                continue;
            }
            boolean clickerChangedIt = seen.map(s -> s.contains(item.ordinal()) != wanted).orElse(true);
            if (clickerChangedIt) {
                changes.add(new Change(item.ordinal(), wanted));
            }
        }
        return changes;
    }
}
