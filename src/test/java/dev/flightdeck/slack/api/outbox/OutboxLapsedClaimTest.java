package dev.flightdeck.slack.api.outbox;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import dev.flightdeck.slack.api.SlackGateway;
import dev.flightdeck.slack.api.ThreadMarkers;
import dev.flightdeck.testing.FakeMessage;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica killed between Slack's answer and marking its entry sent leaves the entry claimed; when the claim lapses,
 * another replica sends it. A marked thread reply (a nudge, a reminder) that is already in its thread is then not
 * posted a second time (ReplicaProcessesTest met this: five nudges where four were due).
 */
class OutboxLapsedClaimTest {

    private final TestApp app = TestApp.shared();
    private final SlackGateway gateway = app.server.getApplicationContext().getBean(SlackGateway.class);
    private final OutboxStore store = app.server.getApplicationContext().getBean(OutboxStore.class);
    private final OutboxWorker worker = app.server.getApplicationContext().getBean(OutboxWorker.class);

    @Test
    void aMarkedReplyAlreadyInItsThreadIsMarkedSentNotPostedAgain() throws Exception {
        String channel = app.slack.addChannel("outbox-lapse-" + UUID.randomUUID().toString().substring(0, 8));
        String parent = post(ChatPostMessageRequest.builder().channel(channel).text("the go/no-go").build());
        String marker = "nudge:" + UUID.randomUUID();
        // What the killed replica got as far as: Slack has its reply.
        String sentTs = post(ThreadMarkers.tagged(ChatPostMessageRequest.builder().channel(channel).threadTs(parent)
                .text("still waiting for a go/no-go"), marker).build());

        OutboxEntry entry = claimedByAReplicaThatDied(channel, parent, marker, "still waiting for a go/no-go");
        worker.runDue();

        assertThat(replies(channel, parent)).extracting(FakeMessage::ts).containsExactly(sentTs);
        OutboxEntry after = store.find(entry.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(OutboxEntry.State.SENT);
        assertThat(after.sentTs()).isEqualTo(sentTs);
    }

    @Test
    void aMarkedReplyThatNeverGotThereIsPostedOnce() throws Exception {
        String channel = app.slack.addChannel("outbox-lapse-" + UUID.randomUUID().toString().substring(0, 8));
        String parent = post(ChatPostMessageRequest.builder().channel(channel).text("the go/no-go").build());

        OutboxEntry entry = claimedByAReplicaThatDied(channel, parent, "nudge:" + UUID.randomUUID(), "reminder");
        worker.runDue();

        assertThat(replies(channel, parent)).singleElement().satisfies(m -> assertThat(m.allText()).contains("reminder"));
        assertThat(store.find(entry.id()).orElseThrow().state()).isEqualTo(OutboxEntry.State.SENT);
    }

    /** Queued, claimed with a short lease by a send that never finished, the lease now over. */
    private OutboxEntry claimedByAReplicaThatDied(String channel, String parent, String marker, String text) {
        Instant now = app.clock.instant();
        OutboxMessage m = OutboxMessage.post("lapse:" + channel, channel, text).inThread(parent).marker(marker);
        OutboxEntry entry = store.enqueue(new OutboxEntry.New("lapse:" + marker, m.orderingKey(), m.method(), channel,
                parent, null, OutboxPayload.of(m), null, now, now.plus(Duration.ofHours(1))));
        assertThat(store.claim(entry, now, now.plusSeconds(1), "dead-replica")).isTrue();
        app.clock.advance(Duration.ofSeconds(2));
        return entry;
    }

    private String post(ChatPostMessageRequest request) throws Exception {
        var response = gateway.postMessage(request).get();
        assertThat(response.isOk()).as("posted: %s", response.getError()).isTrue();
        return response.getTs();
    }

    private List<FakeMessage> replies(String channel, String parent) {
        return app.slack.messagesIn(channel).stream().filter(m -> parent.equals(m.threadTs()) && !m.ts().equals(parent))
                .toList();
    }
}
