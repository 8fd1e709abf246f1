package dev.flightdeck.slack.deploy;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Words;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tail of a deploy request, after its first {@code --}: a note and checklist items. The tail is cut into parts
 * at each further {@code --} standing alone (or an em or en dash, which phones type for it) and at a {@code --check:}
 * written together; a part that starts with {@code check:} is one checklist item, the other parts are the note
 * (joined again with {@code " -- "}). So {@code -- hotfix for login -- check: set the SES sender -- check: QA ok}
 * is the note "hotfix for login" and two items; {@code -- check: a} alone is an item and no note.
 */
final class RequestChecks {

    static final String CHECK = "check:";

    private RequestChecks() {
    }

    record NoteAndChecks(Optional<String> note, List<String> checks) {
    }

    static NoteAndChecks split(Optional<String> tail) {
        if (tail.isEmpty()) {
            return new NoteAndChecks(Optional.empty(), List.of());
        }
        List<List<String>> parts = new ArrayList<>();
        parts.add(new ArrayList<>());
        for (String word : Words.split(tail.get())) {
            if (isSeparator(word)) {
                parts.add(new ArrayList<>());
                continue;
            }
            String glued = glued(word);
            if (glued != null) {
                parts.add(new ArrayList<>(List.of(glued)));
                continue;
            }
            parts.get(parts.size() - 1).add(word);
        }
        List<String> note = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        for (List<String> part : parts) {
            String text = Words.join(part);
            if (text.toLowerCase(Locale.ROOT).startsWith(CHECK)) {
                String item = text.substring(CHECK.length()).strip();
                if (item.isEmpty()) {
                    throw new CommandProblem("A `check:` needs the item after it.", DeployForm.REQUEST.usage(),
                            "/deploy <service> <version> to <env> -- check: set the SES sender");
                }
                checks.add(item);
            } else if (!text.isEmpty()) {
                note.add(text);
            }
        }
        return new NoteAndChecks(note.isEmpty() ? Optional.empty() : Optional.of(String.join(" -- ", note)),
                List.copyOf(checks));
    }

    private static boolean isSeparator(String word) {
        return word.equals("--") || word.equals("\u2014") || word.equals("\u2013");
    }

    /** {@code --check:foo} (or with a dash) written as one word: the start of a new part, or null. */
    private static String glued(String word) {
        String rest = word.startsWith("--") ? word.substring(2)
                : word.startsWith("\u2014") || word.startsWith("\u2013") ? word.substring(1) : null;
        return rest != null && rest.toLowerCase(Locale.ROOT).startsWith(CHECK) ? rest : null;
    }
}
