package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.flightdeck.slack.command.Parsed;

import java.util.function.Function;

/** A slash command's listener: parse → route to its handler → render → ack. Nothing else. */
abstract class SlashCommandListener<C> implements SlackListener {

    private final String command;
    private final Function<String, Parsed<C>> parser;
    private final CommandRouter router;

    SlashCommandListener(String command, Function<String, Parsed<C>> parser, CommandRouter router) {
        this.command = command;
        this.parser = parser;
        this.router = router;
    }

    @Override
    public void register(App app) {
        app.command(command, this::ack);
    }

    private Response ack(SlashCommandRequest request, SlashCommandContext ctx) {
        Invocation invocation = Invocation.of(request.getPayload());
        CommandReply reply = router.route(command, parser.apply(invocation.text()), invocation);
        return ctx.ack(r -> {
            r.responseType(reply.inChannel() ? "in_channel" : "ephemeral").text(reply.text());
            if (!reply.blocks().isEmpty()) {
                r.blocks(reply.blocks());
            }
            return r;
        });
    }
}
