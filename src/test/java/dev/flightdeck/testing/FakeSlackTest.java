package dev.flightdeck.testing;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.webhook.WebhookResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FakeSlack driven through the real Slack SDK, so its answers parse the way the app will see them. */
class FakeSlackTest {
    @RegisterExtension
    static final FakeSlackSdk fakeSdk = FakeSlackSdk.start();
    static final FakeSlack fake = fakeSdk.fake();
    static final Slack slack = fakeSdk.slack();
    MethodsClient api;

    @BeforeEach
    void fresh() {
        fake.reset();
        api = slack.methods(FakeSlack.BOT_TOKEN);
    }

    @Test
    void authTestAnswersWhatBoltReadsWithSlackShapedIds() throws Exception {
        AuthTestResponse auth = api.authTest(r -> r);

        assertThat(auth.isOk()).isTrue();
        assertThat(auth.getTeamId()).matches("T[A-Z0-9]{10}").isEqualTo(fake.teamId());
        assertThat(auth.getUserId()).matches("U[A-Z0-9]{10}").isEqualTo(fake.botUserId());
        assertThat(auth.getBotId()).matches("B[A-Z0-9]{10}");
        assertThat(auth.getUrl()).startsWith("https://").endsWith(".slack.com/");
        assertThat(fake.calls("auth.test")).hasSize(1);
    }

    @Test
    void wrongOrMissingTokenIsRefusedAndUnknownMethodsSaySo() throws Exception {
        assertThat(slack.methods("xoxb-not-the-token").authTest(r -> r).getError()).isEqualTo("invalid_auth");
        HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "auth.test"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(noToken.body()).contains("\"ok\":false").contains("not_authed");
        assertThat(api.apiTest(r -> r).getError()).isEqualTo("unknown_method");
    }

    @Test
    void postedMessagesGetIncreasingTsAndUpdatesApplyInPlace() throws Exception {
        String deploys = fake.addChannel("deploys");
        ChatPostMessageResponse first = api.chatPostMessage(r -> r.channel(deploys).text("PROD: build <#196> started")
                .blocks(Blocks.asBlocks(Blocks.section(s -> s.text(BlockCompositions.markdownText("by <@U123ABC>"))))));
        ChatPostMessageResponse second = api.chatPostMessage(r -> r.channel("#deploys").text("second").threadTs(first.getTs()));

        assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
        assertThat(Double.parseDouble(second.getTs())).isGreaterThan(Double.parseDouble(first.getTs()));
        assertThat(first.getChannel()).isEqualTo(deploys);
        assertThat(first.getMessage().getText()).isEqualTo("PROD: build <#196> started");
        FakeSlack.Call call = fake.calls("chat.postMessage").get(0);
        assertThat(call.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(call.allText()).contains("by <@U123ABC>");

        api.chatUpdate(r -> r.channel(deploys).ts(first.getTs()).text("PROD: build #196 succeeded"));
        List<FakeMessage> messages = fake.messagesIn(deploys);
        assertThat(messages).extracting(FakeMessage::text).containsExactly("PROD: build #196 succeeded", "second");
        assertThat(messages.get(0).edited()).isTrue();
        assertThat(messages.get(1).threadTs()).isEqualTo(first.getTs());
        assertThat(api.chatGetPermalink(r -> r.channel(deploys).messageTs(first.getTs())).getPermalink())
                .endsWith("/archives/" + deploys + "/p" + first.getTs().replace(".", ""));
    }

    @Test
    void createdChannelsHaveRealisticIdsAndNamesAreValidated() throws Exception {
        ConversationsCreateResponse created = api.conversationsCreate(r -> r.name("inc-42-db-down"));
        assertThat(created.getChannel().getId()).matches("C[A-Z0-9]{10}");
        assertThat(created.getChannel().isMember()).isTrue();

        assertThat(api.conversationsCreate(r -> r.name("inc-42-db-down")).getError()).isEqualTo("name_taken");
        assertThat(api.conversationsCreate(r -> r.name("Inc-42")).getError()).isEqualTo("invalid_name_specials");
        assertThat(api.conversationsCreate(r -> r.name("x".repeat(81))).getError()).isEqualTo("invalid_name_maxlength");
    }

    @Test
    void membersTopicsPinsAndUserGroupsAreKept() throws Exception {
        // Beyond manifest.yml's grant: pins.list and users.info are read back here.
        fake.grantScopes(java.util.stream.Stream.concat(SlackManifest.load().botScopes().stream(),
                java.util.stream.Stream.of("pins:read", "users:read")).toList());
        String alice = fake.addUser("U0ALICE0001", "alice");
        String bob = fake.addUser("bob");
        fake.addUserGroup("S0RELEASE01", "release-managers", List.of(alice, bob));
        String channel = api.conversationsCreate(r -> r.name("inc-7")).getChannel().getId();

        api.conversationsInvite(r -> r.channel(channel).users(List.of(alice, bob)));
        api.conversationsSetTopic(r -> r.channel(channel).topic("SEV1: checkout down"));
        String ts = api.chatPostMessage(r -> r.channel(channel).text("status")).getTs();
        api.pinsAdd(r -> r.channel(channel).timestamp(ts));

        assertThat(api.conversationsMembers(r -> r.channel(channel)).getMembers()).contains(fake.botUserId(), alice, bob);
        assertThat(api.conversationsInfo(r -> r.channel(channel)).getChannel().getTopic().getValue()).isEqualTo("SEV1: checkout down");
        assertThat(api.pinsList(r -> r.channel(channel)).getItems()).extracting(i -> i.getMessage().getTs()).containsExactly(ts);
        assertThat(fake.channel(channel).orElseThrow().pinnedTs()).containsExactly(ts);
        assertThat(api.usergroupsList(r -> r.includeUsers(true)).getUsergroups().get(0).getUsers()).containsExactly(alice, bob);
        assertThat(api.usergroupsUsersList(r -> r.usergroup("S0RELEASE01")).getUsers()).containsExactly(alice, bob);
        assertThat(api.usersInfo(r -> r.user(alice)).getUser().getName()).isEqualTo("alice");
        assertThat(api.usersInfo(r -> r.user("U0NOBODY000")).getError()).isEqualTo("user_not_found");
    }

    @Test
    void usersInfoShowsTheEmailOnlyToAnAppGrantedUsersReadEmail() throws Exception {
        String dana = fake.addUser("U0DANA00001", "dana", "Dana", "dana@example.com");
        fake.grantScopes(List.of("users:read"));
        assertThat(api.usersInfo(r -> r.user(dana)).getUser().getProfile().getEmail()).isNull();

        fake.grantScopes(List.of("users:read", "users:read.email"));
        assertThat(api.usersInfo(r -> r.user(dana)).getUser().getProfile().getEmail()).isEqualTo("dana@example.com");
    }

    @Test
    void byDefaultAPostWhereTheBotIsNotAMemberIsRefusedUntilItJoins() throws Exception {
        String outside = fake.addChannelWithoutBot("random");
        assertThat(api.chatPostMessage(r -> r.channel(outside).text("hi")).getError()).isEqualTo("not_in_channel");
        assertThat(api.conversationsJoin(r -> r.channel(outside)).isOk()).isTrue();
        assertThat(api.chatPostMessage(r -> r.channel(outside).text("hi")).isOk()).isTrue();

        String secret = fake.addPrivateChannel("secret");
        fake.removeMember(secret, fake.botUserId());
        assertThat(api.chatPostMessage(r -> r.channel(secret).text("hi")).getError()).isEqualTo("channel_not_found");
        assertThat(api.conversationsList(r -> r.types(List.of(com.slack.api.model.ConversationType.PUBLIC_CHANNEL,
                com.slack.api.model.ConversationType.PRIVATE_CHANNEL))).getChannels())
                .extracting(c -> c.getName()).contains("random").doesNotContain("secret");

        fake.checkMembership(false);
        assertThat(api.chatPostMessage(r -> r.channel(fake.addChannelWithoutBot("lenient")).text("hi")).isOk()).isTrue();
    }

    @Test
    void aMethodWhoseScopeTheManifestLacksAnswersMissingScopeAsSlackDoes() throws Exception {
        String channel = fake.addChannel("general");
        assertThat(SlackManifest.load().botScopes()).doesNotContain("pins:read").contains("chat:write");
        var pins = api.pinsList(r -> r.channel(channel));
        assertThat(pins.getError()).isEqualTo("missing_scope");
        assertThat(pins.getNeeded()).isEqualTo("pins:read");
        assertThat(pins.getProvided()).contains("chat:write", "commands");

        String secret = fake.addPrivateChannel("private-deploys");
        fake.grantScopes(List.of("chat:write", "channels:history"));
        assertThat(api.conversationsHistory(r -> r.channel(channel)).isOk()).isTrue();
        var history = api.conversationsHistory(r -> r.channel(secret));
        assertThat(history.getError()).isEqualTo("missing_scope");
        assertThat(history.getNeeded()).isEqualTo("groups:history");
        fake.reset();
        assertThat(fake.channels()).isEmpty();
        assertThat(api.usersInfo(r -> r.user(fake.botUserId())).getError())
                .as("users:read comes back with the manifest only if it grants it")
                .isEqualTo(SlackManifest.load().botScopes().contains("users:read") ? null : "missing_scope");
    }

    @Test
    void historyListsTopLevelMessagesOnlyAndRepliesFindsAThreadReplyByItsTs() throws Exception {
        String channel = fake.addChannel("ops");
        String parent = fake.addMessage(channel, "U0ALICE0001", "parent");
        String reply = fake.addReply(channel, parent, "U0ALICE0001", "the reply");

        assertThat(api.conversationsHistory(r -> r.channel(channel).latest(reply).inclusive(true).limit(1)).getMessages())
                .extracting(m -> m.getTs()).containsExactly(parent);
        assertThat(api.conversationsReplies(r -> r.channel(channel).ts(parent)).getMessages())
                .extracting(m -> m.getTs()).containsExactly(parent, reply);
        assertThat(api.conversationsReplies(r -> r.channel(channel).ts(reply)).getMessages())
                .extracting(m -> m.getText()).contains("the reply");
    }

    @Test
    void eventsAreDeliveredOnlyForTypesTheManifestSubscribesTo() {
        SignedRequests signed = new SignedRequests("secret").forWorkspace(fake);
        assertThat(signed.event("reaction_added", java.util.Map.of("reaction", "pushpin")).body()).contains("reaction_added");
        assertThatThrownBy(() -> signed.event("member_joined_channel", java.util.Map.of("user", "U1")))
                .hasMessageContaining("manifest.yml does not subscribe to member_joined_channel");
    }

    @Test
    void queuedFaultsAreServedInOrderAndRecorded() throws Exception {
        String channel = fake.addChannel("deploys");
        fake.failNext("chat.postMessage", Fault.rateLimited(Duration.ofSeconds(2)));
        fake.failNext("chat.postMessage", Fault.times(2, Fault.httpStatus(503)));
        fake.failNext("conversations.create", Fault.error("name_taken"));

        assertThatThrownBy(() -> api.chatPostMessage(r -> r.channel(channel).text("x")))
                .isInstanceOfSatisfying(SlackApiException.class, e -> {
                    assertThat(e.getResponse().code()).isEqualTo(429);
                    assertThat(e.getResponse().header("Retry-After")).isEqualTo("2");
                    assertThat(e.getError().getError()).isEqualTo("ratelimited");
                });
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> api.chatPostMessage(r -> r.channel(channel).text("x")))
                    .isInstanceOfSatisfying(SlackApiException.class, e -> assertThat(e.getResponse().code()).isEqualTo(503));
        }
        assertThat(api.chatPostMessage(r -> r.channel(channel).text("delivered")).isOk()).isTrue();
        assertThat(api.conversationsCreate(r -> r.name("fresh")).getError()).isEqualTo("name_taken");

        assertThat(fake.calls("chat.postMessage")).extracting(FakeSlack.Call::fault)
                .containsExactly(Fault.rateLimited(Duration.ofSeconds(2)), Fault.httpStatus(503), Fault.httpStatus(503), null);
        assertThat(fake.messagesIn(channel)).extracting(FakeMessage::text).containsExactly("delivered");
        assertThat(fake.channel("fresh")).isEmpty();
    }

    @Test
    void disconnectFaultDropsTheConnectionWithoutAnAnswer() throws Exception {
        fake.failNext("auth.test", Fault.disconnect());

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "auth.test"))
                .header("Authorization", "Bearer " + FakeSlack.BOT_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
        assertThat(fake.calls("auth.test")).extracting(FakeSlack.Call::fault).containsExactly(Fault.disconnect());
        assertThat(api.authTest(r -> r).isOk()).isTrue();
    }

    @Test
    void awaitCallWakesUpWhenTheCallArrivesAndFailsWithWhatItSaw() throws Exception {
        String channel = fake.addChannel("deploys");
        CompletableFuture<FakeSlack.Call> waiting = CompletableFuture.supplyAsync(
                () -> fake.awaitCall("chat.postMessage", c -> "late".equals(c.text()), Duration.ofSeconds(10)));
        api.chatPostMessage(r -> r.channel(channel).text("early"));
        api.chatPostMessage(r -> r.channel(channel).text("late"));

        assertThat(waiting.get().text()).isEqualTo("late");
        assertThatThrownBy(() -> fake.awaitCall("pins.add", Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("chat.postMessage");
    }

    @Test
    void responseUrlPostsAreRecordedWithTheirRealCharacters() throws Exception {
        String url = fake.responseUrl();
        WebhookResponse sent = slack.send(url, "{\"response_type\":\"ephemeral\",\"text\":\"Usage: \\u003cservice\\u003e\"}");

        assertThat(sent.getCode()).isEqualTo(200);
        FakeSlack.Call response = fake.awaitResponse(url, Duration.ofSeconds(2));
        assertThat(response.text()).isEqualTo("Usage: <service>");
        assertThat(response.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(slack.send(url.replaceAll("[^/]+$", "unknown"), "{}").getCode()).isEqualTo(404);
    }

    @Test
    void viewsOpenAndUpdateKeepTheView() throws Exception {
        String viewId = api.viewsOpen(r -> r.triggerId("123.456.abc").viewAsString(
                "{\"type\":\"modal\",\"callback_id\":\"deploy_form\",\"title\":{\"type\":\"plain_text\",\"text\":\"Deploy\"},\"blocks\":[]}"))
                .getView().getId();
        api.viewsUpdate(r -> r.viewId(viewId).viewAsString(
                "{\"type\":\"modal\",\"callback_id\":\"deploy_done\",\"title\":{\"type\":\"plain_text\",\"text\":\"Done\"},\"blocks\":[]}"));

        assertThat(viewId).matches("V[A-Z0-9]{10}");
        assertThat(fake.view(viewId).orElseThrow().get("callback_id").getAsString()).isEqualTo("deploy_done");
    }
}
