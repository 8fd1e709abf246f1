package dev.flightdeck.slack;

import dev.flightdeck.slack.deploy.DeployCommand;
import dev.flightdeck.slack.deploy.DeployParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRouterTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final DeployParser parser = new DeployParser();
    final Invocation alice = new Invocation("T1", "U0ALICE001", "alice", "C1", "deploys", "tr", "http://r", "status");

    @Test
    void aHandlerThatThrowsGetsAnApologyWithAReferenceNeverAStackTrace() {
        CommandHandler<DeployCommand.Status> broken = handler(DeployCommand.Status.class, (c, i) -> {
            throw new IllegalStateException("database on fire at dev.flightdeck.Secret.line(42)");
        });
        CommandRouter router = new CommandRouter(List.of(broken), new CommandMetrics(meters));

        CommandReply reply = router.route("/deploy", parser.parse("status"), alice);

        assertThat(reply.outcome()).isEqualTo(CommandMetrics.Outcome.ERROR);
        assertThat(reply.text()).contains("failed on our side", "Reference").doesNotContain("database on fire", "Exception");
        assertThat(meters.find("flightdeck.slack.commands").tag("outcome", "error").counter().count()).isEqualTo(1);
    }

    @Test
    void aValidCommandWithoutAHandlerSaysItIsNotBuiltYet() {
        CommandRouter router = new CommandRouter(List.of(), new CommandMetrics(meters));
        String typed = "  unlock   commons prod ";
        Invocation invocation = new Invocation("T1", "U0ALICE001", "alice", "C1", "deploys", "tr", "http://r", typed);
        CommandReply reply = router.route("/deploy", parser.parse(typed), invocation);
        assertThat(reply.outcome()).isEqualTo(CommandMetrics.Outcome.NOT_BUILT);
        assertThat(reply.text()).startsWith("`/deploy unlock commons prod` is a valid command");
    }

    @Test
    void twoHandlersForOneCommandAreRefusedAtStartUp() {
        var a = handler(DeployCommand.Help.class, (c, i) -> CommandReply.ok(c, "a"));
        var b = handler(DeployCommand.Help.class, (c, i) -> CommandReply.ok(c, "b"));
        assertThatThrownBy(() -> new CommandRouter(List.of(a, b), new CommandMetrics(meters)))
                .hasMessageContaining("Two handlers for Help");
    }

    static <C> CommandHandler<C> handler(Class<C> type, java.util.function.BiFunction<C, Invocation, CommandReply> f) {
        return CommandHandler.of(type, f);
    }
}
