package dev.flightdeck.slack.incident;

import dev.flightdeck.slack.command.CommandProblem;
import dev.flightdeck.slack.command.Words;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code --public} in {@code /incident update}: anywhere before the text, i.e. among the incident id and the status
 * word that may open it ({@code update --public identified …}, {@code update identified --public …},
 * {@code update INC-12 --public …}). After the text it would be part of the update, so it is refused there with the
 * form to type instead. Some Slack clients turn a typed "--" into a dash: {@code —public} counts too.
 */
final class PublicFlag {

    record Split(boolean found, List<String> rest) {
    }

    private PublicFlag() {
    }

    static Split none(List<String> args) {
        return new Split(false, args);
    }

    static Split split(List<String> args) {
        for (int i = 0; i < Math.min(3, args.size()); i++) {
            String word = args.get(i);
            if (isFlag(word)) {
                List<String> rest = new ArrayList<>(args);
                rest.remove(i);
                return new Split(true, List.copyOf(rest));
            }
            if (IncidentIds.parse(word).isEmpty() && UpdateStatus.parse(word).isEmpty()) {
                break;
            }
        }
        if (!args.isEmpty() && isFlag(args.get(args.size() - 1))) {
            List<String> text = args.subList(0, args.size() - 1);
            throw new CommandProblem("Put --public before the text, or it is read as part of the update.",
                    IncidentForm.PUBLIC_UPDATE.usage(), "/incident update --public "
                    + (text.isEmpty() ? "<text>" : Words.join(text)));
        }
        return none(args);
    }

    static IncidentCommand publish(IncidentCommand update) {
        IncidentCommand.Update u = (IncidentCommand.Update) update;
        return new IncidentCommand.PublishUpdate(u.status(), u.text(), u.incidentId());
    }

    private static boolean isFlag(String word) {
        String lower = Words.lower(word);
        return lower.equals("--public") || lower.equals("\u2014public") || lower.equals("\u2013public");
    }
}
