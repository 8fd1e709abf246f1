package dev.flightdeck.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.flightdeck.slack.command.Parsed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A slash command's listener: parse → route to its handler → render → ack. Nothing else. */
public abstract class SlashCommandListener<C> implements SlackListener {

    private static final String HELP = "help";

    private final String command;
    private final Function<String, Parsed<C>> parser;
    private final CommandRouter router;
    private final Map<CommandReply, Response> helpAcks = new ConcurrentHashMap<>();

    public SlashCommandListener(String command, Function<String, Parsed<C>> parser, CommandRouter router) {
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
        if (HELP.equals(reply.type())) {
            // Help is the same for everyone and the most frequent command: its JSON is written once, not per request.
            Response once = helpAcks.computeIfAbsent(reply, r -> render(r, ctx));
            return Response.builder().statusCode(once.getStatusCode()).contentType(once.getContentType())
                    .body(once.getBody()).build();
        }
        return render(reply, ctx);
    }

    private static Response render(CommandReply reply, SlashCommandContext ctx) {
        return ctx.ack(r -> {
            r.responseType(reply.inChannel() ? "in_channel" : "ephemeral").text(reply.text());
            if (!reply.blocks().isEmpty()) {
                r.blocks(reply.blocks());
            }
            return r;
        });
    }
}
