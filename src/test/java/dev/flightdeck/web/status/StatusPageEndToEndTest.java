package dev.flightdeck.web.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.IncidentStatus;
import dev.flightdeck.slack.incident.IncidentSlackIds;
import dev.flightdeck.testing.SignedRequest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An incident run through Slack as a team would, with private details planted at every turn (the commander's and
 * communicator's names and ids, the channel, a note, timeline lines, an internal update, a word of the title), and
 * two updates published (by command and by the form's box): /status, /status.json and /status.atom, on the main port
 * and on the status port, without a cookie, show the published updates and none of the planted details. Then the
 * commander publishes the summary at resolve.
 */
class StatusPageEndToEndTest {

    static final String PUBLIC_1 = "Refunds to <b>cards</b> & wallets are delayed; we're on it";
    static final String PUBLIC_2 = "Refunds are flowing again; we are watching them.";
    static final String INTERNAL = "INTERNAL-ONLY the DBA thinks it is the Walrus index";
    static final String NOTE = "Rolled back toggle QNOTE-7781";
    static final String PRIVATE_TITLE_WORD = "Quokkafix";

    final StatusApp app = StatusApp.shared();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void publishedUpdatesShowAndNothingPrivateDoesOnEveryRouteAndPort() throws Exception {
        String ruthName = "ruth-" + System.nanoTime();
        String samName = "sam-" + System.nanoTime();
        String ruth = app.slack.addUser(ruthName);
        String sam = app.slack.addUser(samName);
        String stranger = app.user("zed");
        Incident incident = app.declare("declare billing refunds broken by " + PRIVATE_TITLE_WORD + " rollout sev2",
                ruth, app.channel("ops", ruth, sam, stranger));
        String channel = incident.channelId().orElseThrow();
        app.command("role communicator <@" + sam + ">", ruth, channel);
        app.command("note " + NOTE, ruth, channel);
        app.command("update " + INTERNAL, sam, channel);

        String refused = StatusApp.text(app.command("update --public identified Refunds are late", stranger, channel));
        assertThat(refused).contains("Only the commander (<@" + ruth + ">) or the communicator (<@" + sam + ">)",
                "Nothing was posted");
        String named = StatusApp.text(app.command("update --public <@" + ruth + "|ruth> is on it", sam, channel));
        assertThat(named).contains("shows no names", "take out @ruth");
        String late = StatusApp.text(app.command("update Refunds are late --public", sam, channel));
        assertThat(late).contains("Put --public before the text");

        // As Slack sends typed text: '<', '>' and '&' escaped.
        String published = StatusApp.text(app.command("update identified --public "
                + "Refunds to &lt;b&gt;cards&lt;/b&gt; &amp; wallets are delayed; we're on it", sam, channel));
        assertThat(published).contains("Update posted for " + incident.id(), "published on the <",
                "/status|status page>");
        app.slack.awaitCall("chat.postMessage", c -> channel.equals(c.channel()) && c.allText().contains("wallets are delayed"),
                StatusApp.WAIT);

        SignedRequest.Reply form = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, incident.id(), Map.of(
                        IncidentSlackIds.INCIDENT_INPUT_STATUS, Map.of(IncidentSlackIds.INCIDENT_INPUT_STATUS, "MONITORING"),
                        IncidentSlackIds.INCIDENT_INPUT_TEXT, Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, PUBLIC_2)),
                Map.of(IncidentSlackIds.INCIDENT_INPUT_PUBLISH, List.of(IncidentSlackIds.PUBLISH_OPTION)), ruth).send(app.uri());
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("errors");
        app.slack.awaitCall("chat.postEphemeral", c -> ruth.equals(c.param("user")) && c.allText().contains("published on the"),
                StatusApp.WAIT);
        SignedRequest.Reply strangerForm = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_UPDATE_MODAL, incident.id(),
                Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, Map.of(IncidentSlackIds.INCIDENT_INPUT_TEXT, "Fine now")),
                Map.of(IncidentSlackIds.INCIDENT_INPUT_PUBLISH, List.of(IncidentSlackIds.PUBLISH_OPTION)), stranger).send(app.uri());
        assertThat(strangerForm.body()).contains("errors", IncidentSlackIds.INCIDENT_INPUT_PUBLISH, "untick this box");
        assertThat(app.incident(incident.number()).status()).isEqualTo(IncidentStatus.MONITORING);

        Incident now = app.incident(incident.number());
        List<String> secrets = new ArrayList<>(List.of(PRIVATE_TITLE_WORD, NOTE, INTERNAL, "Walrus", "QNOTE",
                ruth, sam, stranger, ruthName, samName, now.channelId().orElseThrow(), now.channelName().orElseThrow(),
                "Declared sev2", "is the communicator", "Status investigating", "Refunds are late", "ruth is on it"));
        for (URI base : List.of(app.uri(), app.statusPortUri())) {
            for (String path : List.of("/status", "/status.json", "/status.atom")) {
                HttpResponse<String> r = app.get(base, path);
                assertThat(r.statusCode()).as(base + path).isEqualTo(200);
                assertThat(r.headers().firstValue("Set-Cookie")).as(base + path).isEmpty();
                for (String secret : secrets) {
                    assertThat(r.body()).as(base + path + " shows " + secret).doesNotContainIgnoringCase(secret);
                }
            }
        }

        HttpResponse<String> page = app.get(app.uri(), "/status");
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains(incident.id() + ": Partial outage of billing",
                "Refunds to &lt;b&gt;cards&lt;/b&gt; &amp; wallets are delayed; we're on it", PUBLIC_2,
                "<li><span>billing</span><span class=\"state partial_outage\">Partial outage</span></li>", StatusApp.NAME)
                .doesNotContain("<b>cards");
        assertThat(page.body().indexOf(PUBLIC_2)).as("newest first").isLessThan(page.body().indexOf("wallets are delayed"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-").doesNotContain("unsafe");
        assertThat(page.headers().allValues("Content-Security-Policy")).hasSize(1);
        assertThat(linksIn(page.body())).isNotEmpty().allSatisfy(l -> assertThat(l).matches("/[^/].*|#.*"));

        JsonNode summary = json.readTree(app.get(app.uri(), "/status.json").body());
        assertThat(summary.at("/page/name").asText()).isEqualTo(StatusApp.NAME);
        assertThat(summary.at("/page/url").asText()).endsWith("/status");
        assertThat(component(summary, "billing").get("status").asText()).isEqualTo("partial_outage");
        // The app is shared: another class's open incident may hold a worse state (the browser test's outage of web),
        // so the page's overall state is checked against the worst component it shows.
        boolean anyMajor = java.util.stream.StreamSupport.stream(summary.get("components").spliterator(), false)
                .anyMatch(c -> c.get("status").asText().equals("major_outage"));
        assertThat(summary.at("/status/indicator").asText()).isEqualTo(anyMajor ? "critical" : "major");
        assertThat(summary.at("/status/description").asText())
                .isEqualTo(anyMajor ? "Major System Outage" : "Partial System Outage");
        assertThat(page.body()).contains(anyMajor ? "Major System Outage" : "Partial System Outage");
        JsonNode shown = incident(summary, incident.id());
        assertThat(shown.get("name").asText()).isEqualTo(incident.id() + ": Partial outage of billing");
        assertThat(shown.get("status").asText()).isEqualTo("monitoring");
        assertThat(shown.get("impact").asText()).isEqualTo("major");
        assertThat(shown.get("shortlink").asText()).endsWith("/status#" + incident.id());
        assertThat(shown.get("resolved_at").isNull()).isTrue();
        assertThat(shown.get("incident_updates")).extracting(u -> u.get("body").asText()).containsExactly(PUBLIC_2, PUBLIC_1);
        assertThat(shown.get("incident_updates")).extracting(u -> u.get("status").asText())
                .containsExactly("monitoring", "identified");

        Document atom = xml(app.get(app.uri(), "/status.atom").body());
        Element feed = atom.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "title")).isEqualTo(StatusApp.NAME);
        assertThat(child(feed, "id")).endsWith("/status");
        assertThat(child(feed, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        NodeList entries = feed.getElementsByTagNameNS(feed.getNamespaceURI(), "entry");
        List<String> contents = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            if (child(e, "title").startsWith(incident.id() + ":")) {
                contents.add(child(e, "content"));
                assertThat(child(e, "id")).contains("/status#update-");
            }
        }
        assertThat(contents).containsExactly(PUBLIC_2, PUBLIC_1);

        resolveAndPublishTheSummary(incident, ruth, stranger);
    }

    private void resolveAndPublishTheSummary(Incident incident, String ruth, String stranger) throws Exception {
        Map<String, Map<String, String>> parts = Map.of(
                IncidentSlackIds.INCIDENT_INPUT_SUMMARY, Map.of(IncidentSlackIds.INCIDENT_INPUT_SUMMARY, "Refunds were late for two hours."),
                IncidentSlackIds.INCIDENT_INPUT_AFFECTED, Map.of(IncidentSlackIds.INCIDENT_INPUT_AFFECTED, "Customers owed a refund."),
                IncidentSlackIds.INCIDENT_INPUT_PREVENTION, Map.of(IncidentSlackIds.INCIDENT_INPUT_PREVENTION, "A check before rollouts."));
        Map<String, List<String>> box = Map.of(IncidentSlackIds.INCIDENT_INPUT_PUBLISH_SUMMARY, List.of(IncidentSlackIds.PUBLISH_OPTION));

        SignedRequest.Reply notCommander = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(),
                parts, box, stranger).send(app.uri());
        assertThat(notCommander.body()).contains("errors", "Only the commander of " + incident.id() + " publishes the summary");
        assertThat(app.incident(incident.number()).isOpen()).isTrue();

        SignedRequest.Reply resolved = app.signed.viewSubmission(IncidentSlackIds.INCIDENT_RESOLVE_MODAL, incident.id(),
                parts, box, ruth).send(app.uri());
        assertThat(resolved.body()).doesNotContain("errors");
        assertThat(app.incident(incident.number()).isOpen()).isFalse();
        app.slack.awaitCall("chat.postEphemeral", c -> ruth.equals(c.param("user"))
                && c.allText().contains("The summary of " + incident.id() + " is published"), StatusApp.WAIT);

        JsonNode summary = json.readTree(app.get(app.statusPortUri(), "/status.json").body());
        assertThat(component(summary, "billing").get("status").asText()).isEqualTo("operational");
        JsonNode shown = incident(summary, incident.id());
        assertThat(shown.get("status").asText()).isEqualTo("resolved");
        assertThat(shown.get("resolved_at").asText()).endsWith("Z");
        assertThat(shown.get("incident_updates").get(0).get("body").asText()).isEqualTo("Summary\nRefunds were late for "
                + "two hours.\n\nWho was affected?\nCustomers owed a refund.\n\nWhat we're doing to make sure it doesn't "
                + "happen again?\nA check before rollouts.");
        String page = app.get(app.uri(), "/status").body();
        String resolvedPart = page.substring(page.indexOf("Resolved in the last 14 days"));
        assertThat(resolvedPart).contains(incident.id() + ": Partial outage of billing", "Refunds were late for two hours.",
                PUBLIC_2);
    }

    static List<String> linksIn(String html) {
        Matcher m = Pattern.compile("(?:src|href|action)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static JsonNode component(JsonNode summary, String name) {
        for (JsonNode c : summary.get("components")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + summary);
    }

    static JsonNode incident(JsonNode summary, String id) {
        for (JsonNode i : summary.get("incidents")) {
            if (i.get("id").asText().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no incident " + id + " in " + summary);
    }

    static Document xml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static String child(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(parent.getNamespaceURI(), name);
        assertThat(nodes.getLength()).as(name).isPositive();
        return nodes.item(0).getTextContent();
    }
}
