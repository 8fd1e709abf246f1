package dev.flightdeck.slack.deploy.flags;

import dev.flightdeck.deploy.flags.FlagOutcome;
import dev.flightdeck.deploy.flags.FlagProvider;
import dev.flightdeck.deploy.flags.FlagRequest;
import dev.flightdeck.slack.blocks.SlackTime;
import dev.flightdeck.text.Mrkdwn;
import dev.flightdeck.text.Texts;

import java.util.stream.Collectors;

/**
 * The answer to {@code /deploy flag <key> [env]}: per environment on or off, what it serves, when the provider last
 * saw it change and who last flipped it through Flightdeck. The provider's names are foreign text: escaped.
 */
final class FlagStateWords {

    private static final int MAX_TEXT = 2900;

    private FlagStateWords() {
    }

    static String text(FlagOutcome.Shown s) {
        FlagProvider.Reading f = s.reading();
        StringBuilder out = new StringBuilder(":triangular_flag_on_post: *" + Mrkdwn.escapeForeign(f.name()) + "* ("
                + Mrkdwn.code(f.key()) + ", " + Mrkdwn.escape(s.config().providerName()) + ")");
        if (!f.variations().isEmpty()) {
            out.append("\nVariations: ").append(f.variations().stream()
                    .map(v -> Mrkdwn.code(Texts.shorten(v, 60))).collect(Collectors.joining(", ")));
        }
        if (s.config().isKillSwitch(f.key())) {
            out.append("\n:rotating_light: a kill switch: an open incident's commander may flip it without approval");
        }
        for (String env : s.environments()) {
            String providerEnv = s.config().providerEnvironment(env);
            FlagProvider.EnvironmentState state = f.environments().get(providerEnv);
            out.append("\n• *").append(FlagWords.upper(env)).append("*: ");
            if (state == null) {
                out.append("not in ").append(Mrkdwn.escape(s.config().providerName())).append(" environment ")
                        .append(Mrkdwn.code(providerEnv));
                continue;
            }
            out.append(state.on() ? ":large_green_circle: *on*" : ":white_circle: *off*");
            (state.on() ? state.servesWhenOn() : state.servesWhenOff()).ifPresent(v ->
                    out.append(", serving ").append(Mrkdwn.code(Texts.shorten(v, 60))));
            state.lastModified().ifPresent(t -> out.append(", last changed ").append(SlackTime.of(t)));
            FlagRequest last = s.lastThroughFlightdeck().get(env);
            if (last != null) {
                out.append("; last flipped through Flightdeck by <@").append(last.appliedBy()).append("> (")
                        .append(last.target()).append(", ").append(last.number())
                        .append(last.timers().finishedAt() == null ? "" : ", " + SlackTime.of(last.timers().finishedAt()))
                        .append(")");
            }
        }
        return Texts.cut(out.toString(), MAX_TEXT);
    }
}
