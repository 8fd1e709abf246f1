package dev.flightdeck.web.incidents;

import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.text.Texts;

import java.time.LocalDate;
import java.util.List;

/** An incident's follow-ups as the incident page shows them: text, owner's name, due date, state, issue link. */
public final class FollowUpViews {

    private FollowUpViews() {
    }

    /** {@code link} and {@code issueUrl} are http(s) or empty (the template shows no link then). */
    public record Row(long id, String text, String link, String owner, String due, String state, String issue,
                      String issueUrl) {
    }

    public static List<Row> rows(List<FollowUp> followUps, NameBook names, LocalDate today) {
        return followUps.stream().map(f -> new Row(f.id(), names.inText(f.text()),
                nonNull(Texts.safeUrl(f.link().orElse(null))), names.of(f.owner()), f.due().toString(),
                state(f, names, today), f.export().key().orElse(
                        f.export().state() == FollowUp.ExportState.PENDING ? "not created yet" : ""),
                nonNull(Texts.safeUrl(f.export().url().orElse(null))))).toList();
    }

    private static String state(FollowUp f, NameBook names, LocalDate today) {
        if (f.overdueOn(today)) {
            return "overdue";
        }
        if (f.isOpen()) {
            return "open";
        }
        return f.state().label() + f.closedBy().map(b -> " by " + names.of(b)).orElse("")
                + f.closedWhy().filter(w -> !w.isBlank()).map(w -> " (" + w + ")").orElse("");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
