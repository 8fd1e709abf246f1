package dev.flightdeck.slack.alarms;

import com.slack.api.model.Attachment;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.flightdeck.alarms.Alert;
import dev.flightdeck.alarms.AlertEpisode;
import dev.flightdeck.alarms.AlertState;
import dev.flightdeck.deploy.BuildPhase;
import dev.flightdeck.incident.summary.IncidentSummary;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.slack.deploy.BuildNewsMessages;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/**
 * One alarm episode's message as posted and redrawn in place: {@code PROD: ALARM shop-prod-5xx — <reason>} in the
 * failure colour with the metric, threshold and since when, and the buttons that still apply (Declare incident and
 * Acknowledge while it fires, Runbook whenever there is one). Back to OK it turns green and says how long it fired
 * and who acknowledged it; without data it is grey and not called an alarm. The blocks sit in one attachment because
 * only an attachment carries a colour bar; {@link #text()} is the notification and fallback. Every word the monitor
 * wrote (name, reason, metric, threshold) is foreign text and escaped.
 */
public record AlertMessage(AlertEpisode episode) {

    private static final int MAX_TEXT = 2900;
    /** Slack's limit on one field's text is 2000 characters. */
    private static final int MAX_FIELD = 1900;

    /** The headline, also the notification text: {@code PROD: ALARM shop-prod-5xx — Threshold Crossed: …}. */
    public String text() {
        return Texts.cut(headline() + tail(), MAX_TEXT);
    }

    public List<Attachment> attachments() {
        return List.of(Attachment.builder().color(colour()).fallback(text()).blocks(blocks()).build());
    }

    public String colour() {
        return switch (episode.state()) {
            case ALARM -> BuildNewsMessages.colour(BuildPhase.FAILED);
            case OK -> BuildNewsMessages.colour(BuildPhase.SUCCEEDED);
            case INSUFFICIENT_DATA -> BuildNewsMessages.colour(BuildPhase.ABORTED);
        };
    }

    public List<LayoutBlock> blocks() {
        Alert a = episode.latest();
        List<LayoutBlock> blocks = new ArrayList<>();
        String head = icon() + " *" + headline() + "*" + tail();
        blocks.add(section(s -> s.text(markdownText(Texts.cut(head, MAX_TEXT)))));
        List<TextObject> fields = new ArrayList<>();
        fields.add(markdownText("*Service*\n" + Mrkdwn.escapeForeign(a.service())));
        fields.add(markdownText("*Metric*\n" + a.metric().map(AlertMessage::field).orElse("_not given_")));
        fields.add(markdownText("*Threshold*\n" + a.threshold().map(AlertMessage::field).orElse("_not given_")));
        fields.add(markdownText(when()));
        blocks.add(section(s -> s.fields(fields)));
        List<TextObject> notes = notes();
        if (!notes.isEmpty()) {
            blocks.add(context(c -> c.elements(new ArrayList<>(notes))));
        }
        List<BlockElement> buttons = buttons();
        if (!buttons.isEmpty()) {
            blocks.add(actions(x -> x.blockId(AlertSlackIds.ACTIONS_BLOCK + ":" + episode.id()).elements(buttons)));
        }
        return blocks;
    }

    /** {@code PROD: ALARM shop-prod-5xx}, the state in the words people use (no data is not an alarm). */
    String headline() {
        return environment() + ": " + stateWord() + " " + Mrkdwn.escapeForeign(episode.latest().name());
    }

    static String stateWord(AlertState state) {
        return switch (state) {
            case ALARM -> "ALARM";
            case OK -> "OK";
            case INSUFFICIENT_DATA -> "NO DATA";
        };
    }

    String environment() {
        return Mrkdwn.escapeForeign(episode.latest().environment().toUpperCase(Locale.ROOT));
    }

    /** How long it fired: from the first ALARM to the last OK (to now while it is not OK). */
    static String fired(AlertEpisode e) {
        return IncidentSummary.human(Duration.between(e.firedAt(), e.okSince().orElse(e.latest().at())));
    }

    private String stateWord() {
        return stateWord(episode.state());
    }

    private String tail() {
        String reason = episode.latest().reason();
        if (!reason.isBlank()) {
            return " — " + foreign(reason);
        }
        return episode.state() == AlertState.OK ? " — back to normal after " + fired(episode) : "";
    }

    private String icon() {
        return switch (episode.state()) {
            case ALARM -> ":rotating_light:";
            case OK -> ":white_check_mark:";
            case INSUFFICIENT_DATA -> ":grey_question:";
        };
    }

    private String when() {
        AlertEpisode e = episode;
        return switch (e.state()) {
            case ALARM -> "*Since*\n" + SlackTime.of(e.firedAt());
            case OK -> "*Fired for*\n" + fired(e) + ", " + SlackTime.of(e.firedAt()) + " to "
                    + SlackTime.of(e.okSince().orElse(e.latest().at()));
            case INSUFFICIENT_DATA -> "*No data since*\n" + SlackTime.of(e.latest().at());
        };
    }

    private List<TextObject> notes() {
        AlertEpisode e = episode;
        List<TextObject> notes = new ArrayList<>();
        if (e.flaps() > 0) {
            notes.add(markdownText(":repeat: Fired " + Texts.plural(e.flaps() + 1L, "time", "times") + " since "
                    + SlackTime.of(e.firedAt()) + ", again before it had stayed OK"));
        }
        if (e.state() == AlertState.INSUFFICIENT_DATA && e.firedAt().isBefore(e.latest().at())) {
            notes.add(markdownText("In ALARM since " + SlackTime.of(e.firedAt()) + " before the data stopped"));
        }
        e.acknowledgedBy().ifPresentOrElse(
                who -> notes.add(markdownText(":eyes: Acknowledged by <@" + who + ">"
                        + e.acknowledgedAt().map(at -> " " + SlackTime.of(at)).orElse(""))),
                () -> {
                    if (e.state() == AlertState.OK) {
                        notes.add(markdownText("Nobody acknowledged it"));
                    }
                });
        e.incident().ifPresent(id -> notes.add(markdownText(":fire: On the timeline of *" + Mrkdwn.escapeForeign(id) + "*")));
        e.latest().link().map(URI::toString).map(Texts::safeUrl).ifPresent(url -> notes.add(markdownText(
                "<" + Mrkdwn.escapeForeign(url) + "|Open in " + sourceName(e.latest().source()) + ">")));
        return notes;
    }

    private List<BlockElement> buttons() {
        AlertEpisode e = episode;
        String id = Long.toString(e.id());
        List<BlockElement> b = new ArrayList<>();
        if (e.state() == AlertState.ALARM && e.incident().isEmpty()) {
            b.add(button(AlertSlackIds.DECLARE, "Declare incident", id, "danger"));
        }
        if (e.state() != AlertState.OK && e.acknowledgedBy().isEmpty()) {
            b.add(button(AlertSlackIds.ACK, "Acknowledge", id, "primary"));
        }
        runbook(e.latest()).ifPresent(url -> b.add(ButtonElement.builder().actionId(AlertSlackIds.RUNBOOK)
                .text(plainText("Runbook")).url(url).value(id).build()));
        return b;
    }

    static Optional<String> runbook(Alert a) {
        return a.runbook().map(URI::toString).map(Texts::safeUrl);
    }

    /** The monitor as people name it. */
    static String sourceName(String source) {
        return switch (source) {
            case "cloudwatch" -> "CloudWatch";
            case "grafana" -> "Grafana";
            case "newrelic" -> "New Relic";
            case "sentry" -> "Sentry";
            default -> Mrkdwn.escapeForeign(source);
        };
    }

    private static String foreign(String text) {
        return Mrkdwn.escapeForeign(text);
    }

    private static String field(String text) {
        return Texts.cut(Mrkdwn.escapeForeign(text), MAX_FIELD);
    }

    private static ButtonElement button(String actionId, String label, String value, String style) {
        return ButtonElement.builder().actionId(actionId).text(plainText(label)).value(value).style(style).build();
    }
}
