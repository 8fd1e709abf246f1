package dev.flightdeck.slack.incident.followup;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentService;
import dev.flightdeck.incident.TimelineEntry;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpState;
import dev.flightdeck.incident.followup.FollowUpStore;
import dev.flightdeck.testing.FakeSlack;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static dev.flightdeck.slack.incident.followup.FollowUpsApp.WAIT;
import static dev.flightdeck.slack.incident.followup.FollowUpsApp.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups end to end through signed Slack requests, the pages and GitHub's webhook: made by command and by the
 * Make follow-up shortcut, they show on the card, in the resolve form's fourth part and on the incident page; each
 * becomes one GitHub issue of acme/ops with the labels incident and INC-n, linking back to the incident's page; and
 * closing that issue on GitHub closes the follow-up.
 */
class FollowUpFlowTest {

    final FollowUpsApp app = FollowUpsApp.shared();
    final FakeSlack slack = app.slack;

    LocalDate today() {
        return LocalDate.ofInstant(app.clock.instant(), ZoneOffset.UTC);
    }

    FollowUpStore store() {
        return app.bean(FollowUpStore.class);
    }

    FollowUp only(Incident incident) {
        List<FollowUp> all = store().ofIncident(incident.number());
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    FollowUp awaitExported(long id) {
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until) {
            FollowUp f = store().find(id).orElseThrow();
            if (f.export().state() == FollowUp.ExportState.DONE) {
                return f;
            }
            sleep();
        }
        throw new AssertionError("follow-up #" + id + " was not exported: " + store().find(id));
    }

    static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFollowUpMadeByCommandIsOnTheCardTheResolveFormThePageAndGitHub() {
        String ic = app.user("ic");
        String dana = app.user("dana");
        Incident incident = app.declare("Queue backs up after deploy", ic, app.channel("war-room", ic));
        String channel = incident.channelId().orElseThrow();
        LocalDate due = today().plusDays(10);

        String answer = text(app.command("follow-up Add an alarm on queue depth & lag <@" + dana + "> due " + due, ic,
                channel));

        FollowUp f = only(incident);
        assertThat(answer).contains("Follow-up #" + f.id() + " added to " + incident.id(), "<@" + dana + ">",
                "due " + due, "queue depth &amp; lag");
        assertThat(f.text()).isEqualTo("Add an alarm on queue depth & lag");
        assertThat(f.owner()).isEqualTo(dana);
        assertThat(f.createdBy()).isEqualTo(ic);
        assertThat(f.due()).isEqualTo(due);
        assertThat(f.state()).isEqualTo(FollowUpState.OPEN);
        // On the incident's timeline, with the owner named.
        assertThat(app.bean(IncidentService.class).timeline(incident.number()))
                .anySatisfy(e -> assertThat(e.kind() == TimelineEntry.Kind.FOLLOW_UP
                        && e.text().contains("Follow-up #" + f.id()) && e.text().contains(dana)).isTrue());

        // One GitHub issue: labels incident and INC-n, a body linking back to the incident's page.
        FollowUp exported = awaitExported(f.id());
        List<FakeGitHubIssues.Issue> issues = app.issues.issuesWithLabel(incident.id());
        assertThat(issues).hasSize(1);
        FakeGitHubIssues.Issue issue = issues.get(0);
        assertThat(issue.repo()).isEqualTo("acme/ops");
        assertThat(issue.title()).isEqualTo("Add an alarm on queue depth & lag");
        assertThat(issue.labels()).containsExactlyInAnyOrder("incident", incident.id());
        assertThat(issue.body()).contains("/incidents/" + incident.number(), "Due " + due);
        assertThat(exported.export().key()).contains("acme/ops#" + issue.number());
        assertThat(exported.export().url()).contains("https://github.com/acme/ops/issues/" + issue.number());

        // The card lists it, with its issue.
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(channel) && c.allText().contains("Follow-ups")
                && c.allText().contains("queue depth &amp; lag") && c.allText().contains("acme/ops#" + issue.number()), WAIT);

        // The resolve form's fourth part is pre-filled with it.
        slack.clearCalls();
        app.command("resolve", ic, channel);
        FakeSlack.Call form = slack.awaitCall("views.open", c -> c.param("view") != null
                && c.param("view").contains(incident.id()), WAIT);
        String prevention = prevention(form);
        assertThat(prevention).contains("Add an alarm on queue depth & lag", "due " + due,
                "https://github.com/acme/ops/issues/" + issue.number()).doesNotContain("<@");

        // The incident page lists it with the owner's name, due date, state and issue.
        HttpResponse<String> page = app.page("/incidents/" + incident.number());
        assertThat(page.statusCode()).isEqualTo(200);
        Document doc = Jsoup.parse(page.body());
        String row = doc.select("section[aria-labelledby=follow-ups] tbody tr").text();
        assertThat(row).contains("Add an alarm on queue depth & lag", "dana-", due.toString(), "open",
                "acme/ops#" + issue.number()).doesNotContain(dana);
        assertThat(doc.select("section[aria-labelledby=follow-ups] a[href=https://github.com/acme/ops/issues/"
                + issue.number() + "]")).hasSize(1);
    }

    @Test
    void closingTheIssueOnGitHubClosesTheFollowUpOnce() {
        String ic = app.user("ic");
        Incident incident = app.declare("Disk full on reports", ic, app.channel("war-room", ic));
        String channel = incident.channelId().orElseThrow();
        text(app.command("follow-up Rotate the reports logs daily", ic, channel));
        FollowUp f = awaitExported(only(incident).id());
        String number = f.export().key().orElseThrow().substring("acme/ops#".length());

        HttpResponse<String> first = app.github("issues", closed("acme/ops", Integer.parseInt(number), "completed"));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("closed");
        FollowUp done = store().find(f.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(FollowUpState.DONE);
        assertThat(done.closedBy()).contains("github:Codertocat");
        assertThat(app.bean(IncidentService.class).timeline(incident.number()))
                .anySatisfy(e -> assertThat(e.text()).contains("Follow-up #" + f.id() + " done"));
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(channel)
                && c.allText().contains("#" + f.id() + " Rotate the reports logs daily") && c.allText().contains("(done"), WAIT);

        // GitHub redelivers: nothing more happens, and GitHub is told why.
        HttpResponse<String> again = app.github("issues", closed("acme/ops", Integer.parseInt(number), "completed"));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(store().find(f.id()).orElseThrow().version()).isEqualTo(done.version());
        // An issue Flightdeck did not open, another action, a forged delivery: nothing changes.
        assertThat(app.github("issues", closed("acme/other", 7, "completed")).statusCode()).isEqualTo(202);
        assertThat(app.post("/hooks/github", closed("acme/ops", Integer.parseInt(number), "completed"),
                java.util.Map.of("X-GitHub-Event", "issues", "X-Hub-Signature-256", "sha256=00")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anIssueClosedAsNotPlannedMakesTheFollowUpWontDo() {
        String ic = app.user("ic");
        Incident incident = app.declare("Slow search", ic, app.channel("war-room", ic));
        app.command("follow-up Shard the search index", ic, incident.channelId().orElseThrow());
        FollowUp f = awaitExported(only(incident).id());
        int number = Integer.parseInt(f.export().key().orElseThrow().substring("acme/ops#".length()));

        assertThat(app.github("issues", closed("acme/ops", number, "not_planned")).statusCode()).isEqualTo(200);

        assertThat(store().find(f.id()).orElseThrow().state()).isEqualTo(FollowUpState.WONT_DO);
    }

    @Test
    void theMakeFollowUpShortcutTurnsAMessageIntoAFollowUpWithItsLink() {
        String ic = app.user("ic");
        String sam = app.user("sam");
        Incident incident = app.declare("Checkout 500s", ic, app.channel("war-room", ic));
        String channel = incident.channelId().orElseThrow();
        slack.addMember(channel, sam);
        String ts = slack.addMessage(channel, ic, "We should page on checkout error rate &gt; 2%");
        String responseUrl = slack.responseUrl();

        assertThat(shortcut(sam, channel, ts, "We should page on checkout error rate &gt; 2%", responseUrl).status())
                .isEqualTo(200);

        String answer = slack.awaitResponse(responseUrl, WAIT).text();
        FollowUp f = only(incident);
        assertThat(answer).contains("Follow-up #" + f.id() + " added to " + incident.id(), "<@" + sam + ">");
        assertThat(f.text()).isEqualTo("We should page on checkout error rate > 2%");
        assertThat(f.owner()).isEqualTo(sam);
        assertThat(f.due()).isEqualTo(today().plusDays(14));
        assertThat(f.link()).contains("https://" + slack.teamDomain() + ".slack.com/archives/" + channel + "/p"
                + ts.replace(".", ""));
        slack.awaitCall("chat.update", c -> c.ok() && c.channel().equals(channel)
                && c.allText().contains("checkout error rate &gt; 2%"), WAIT);
        slack.clearCalls();
        app.command("resolve", ic, channel);
        assertThat(prevention(slack.awaitCall("views.open", WAIT))).contains("checkout error rate > 2%");
        Document doc = Jsoup.parse(app.page("/incidents/" + incident.number()).body());
        assertThat(doc.select("section[aria-labelledby=follow-ups] tbody tr").text())
                .contains("We should page on checkout error rate > 2%");
        assertThat(doc.select("section[aria-labelledby=follow-ups] a:containsOwn(message)").attr("href"))
                .isEqualTo(f.link().orElseThrow());
    }

    @Test
    void theShortcutOutsideAnIncidentChannelSaysSoAndMakesNothing() {
        String sam = app.user("sam");
        String channel = app.channel("random", sam);
        String ts = slack.addMessage(channel, sam, "lunch?");
        String responseUrl = slack.responseUrl();
        int before = store().all(Optional.empty(), 10_000).size();

        shortcut(sam, channel, ts, "lunch?", responseUrl);

        assertThat(slack.awaitResponse(responseUrl, WAIT).text()).contains("Make follow-up works on messages in an "
                + "incident's channel", "/incident follow-up INC-12");
        assertThat(store().all(Optional.empty(), 10_000)).hasSize(before);
    }

    /** The resolve form's fourth part as pre-filled. */
    static String prevention(FakeSlack.Call viewsOpen) {
        JsonObject view = JsonParser.parseString(viewsOpen.param("view")).getAsJsonObject();
        return view.getAsJsonArray("blocks").asList().stream().map(b -> b.getAsJsonObject())
                .filter(b -> b.has("block_id") && b.get("block_id").getAsString().equals("incident_prevention"))
                .findFirst().orElseThrow().getAsJsonObject("element").get("initial_value").getAsString();
    }

    /** A message shortcut as Slack sends it ({@code type: message_action}), form-encoded as {@code payload=<json>}. */
    dev.flightdeck.testing.SignedRequest.Reply shortcut(String user, String channel, String ts, String text,
                                                       String responseUrl) {
        JsonObject u = new JsonObject();
        u.addProperty("id", user);
        u.addProperty("username", "user-" + user.toLowerCase());
        u.addProperty("team_id", slack.teamId());
        JsonObject team = new JsonObject();
        team.addProperty("id", slack.teamId());
        team.addProperty("domain", slack.teamDomain());
        JsonObject ch = new JsonObject();
        ch.addProperty("id", channel);
        ch.addProperty("name", "channel-" + channel.toLowerCase());
        JsonObject message = new JsonObject();
        message.addProperty("type", "message");
        message.addProperty("user", user);
        message.addProperty("ts", ts);
        message.addProperty("text", text);
        JsonObject p = new JsonObject();
        p.addProperty("type", "message_action");
        p.addProperty("token", "verification-token-unused");
        p.addProperty("action_ts", (app.clock.instant().getEpochSecond()) + ".000100");
        p.add("team", team);
        p.add("user", u);
        p.add("channel", ch);
        p.addProperty("is_enterprise_install", false);
        p.addProperty("callback_id", FollowUpSlackIds.SHORTCUT);
        p.addProperty("trigger_id", "1234567890.0987654321.abcdef0123456789abcdef0123456789");
        p.addProperty("response_url", responseUrl);
        p.addProperty("message_ts", ts);
        p.add("message", message);
        String body = "payload=" + URLEncoder.encode(p.toString(), StandardCharsets.UTF_8);
        return app.signed.sign(body, "application/x-www-form-urlencoded").send(app.server.getURI());
    }

    /**
     * GitHub's issues delivery for a closed issue, derived from GitHub's published example (vendor/github/
     * issues.reopened.json) field by field: action closed, the issue's state closed with its state_reason, and the
     * repository and number of the issue Flightdeck opened.
     */
    static String closed(String repo, int number, String reason) {
        JsonObject root = JsonParser.parseString(dev.flightdeck.build.CiApp.vendor("github/issues.reopened.json"))
                .getAsJsonObject();
        root.addProperty("action", "closed");
        JsonObject issue = root.getAsJsonObject("issue");
        issue.addProperty("number", number);
        issue.addProperty("state", "closed");
        issue.addProperty("state_reason", reason);
        issue.addProperty("closed_at", "2026-12-07T12:00:00Z");
        issue.addProperty("html_url", "https://github.com/" + repo + "/issues/" + number);
        root.getAsJsonObject("repository").addProperty("full_name", repo);
        return root.toString();
    }
}
