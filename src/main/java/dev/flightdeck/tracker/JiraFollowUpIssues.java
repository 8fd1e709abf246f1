package dev.flightdeck.tracker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.followup.FollowUpTracker;
import dev.flightdeck.secrets.EnvSecrets;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Follow-ups as Jira Cloud issues ({@code follow-ups: { jira: { url, project, user, token-env } }}), through Jira's
 * REST API v3 with basic auth ({@code user:token}, the token read by its environment variable's name): create with
 * {@code POST /rest/api/3/issue} (a Task in the project, labels {@code incident} and the incident's id, a description
 * linking back to the incident's page), and find the closed ones with {@code POST /rest/api/3/search/jql} (JQL on the
 * exported keys and {@code statusCategory = Done}). Jira's error answers are put in words; the token never is.
 */
@Singleton
public class JiraFollowUpIssues implements FollowUpTracker {

    static final String ISSUE_TYPE = "Task";

    private final EnvSecrets secrets;
    private final HttpClient http;
    private final Duration timeout;

    public JiraFollowUpIssues(EnvSecrets secrets, @Value("${flightdeck.tracker.http-timeout:15s}") Duration timeout) {
        this.secrets = secrets;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean handles(FollowUpExport export) {
        return export instanceof FollowUpExport.Jira;
    }

    @Override
    public Created create(FollowUpExport export, FollowUp f, Incident incident, String incidentPage)
            throws TrackerFailure {
        FollowUpExport.Jira jira = (FollowUpExport.Jira) export;
        JsonObject fields = new JsonObject();
        JsonObject project = new JsonObject();
        project.addProperty("key", jira.project());
        fields.add("project", project);
        fields.addProperty("summary", summary(f.text()));
        JsonObject type = new JsonObject();
        type.addProperty("name", ISSUE_TYPE);
        fields.add("issuetype", type);
        JsonArray labels = new JsonArray();
        labels.add("incident");
        labels.add(incident.id());
        fields.add("labels", labels);
        fields.addProperty("duedate", f.due().toString());
        fields.add("description", description(f, incident, incidentPage));
        JsonObject body = new JsonObject();
        body.add("fields", fields);
        HttpResponse<String> answer = send(jira, "POST", "/rest/api/3/issue", body.toString());
        if (answer.statusCode() != 201 && answer.statusCode() != 200) {
            throw new TrackerFailure(refusal(jira, answer));
        }
        JsonObject created = object(answer.body());
        if (created == null || !created.has("key")) {
            throw new TrackerFailure("Jira's answer names no issue key");
        }
        String key = created.get("key").getAsString();
        return new Created(key, base(jira) + "/browse/" + key);
    }

    @Override
    public List<String> closed(FollowUpExport export, List<String> keys) throws TrackerFailure {
        if (keys.isEmpty()) {
            return List.of();
        }
        FollowUpExport.Jira jira = (FollowUpExport.Jira) export;
        List<String> wellFormed = keys.stream().filter(k -> k.matches("[A-Z][A-Z0-9_]*-[0-9]+")).toList();
        if (wellFormed.isEmpty()) {
            return List.of();
        }
        JsonObject body = new JsonObject();
        body.addProperty("jql", "key in (" + String.join(", ", wellFormed) + ") AND statusCategory = Done");
        JsonArray fields = new JsonArray();
        fields.add("status");
        body.add("fields", fields);
        body.addProperty("maxResults", Math.min(100, wellFormed.size()));
        HttpResponse<String> answer = send(jira, "POST", "/rest/api/3/search/jql", body.toString());
        if (answer.statusCode() != 200) {
            throw new TrackerFailure(refusal(jira, answer));
        }
        JsonObject result = object(answer.body());
        List<String> done = new ArrayList<>();
        if (result != null && result.has("issues") && result.get("issues").isJsonArray()) {
            for (JsonElement e : result.getAsJsonArray("issues")) {
                JsonObject issue = e.getAsJsonObject();
                String category = category(issue);
                if (issue.has("key") && "done".equals(category)) {
                    done.add(issue.get("key").getAsString());
                }
            }
        }
        return done;
    }

    private static String category(JsonObject issue) {
        try {
            return issue.getAsJsonObject("fields").getAsJsonObject("status").getAsJsonObject("statusCategory")
                    .get("key").getAsString();
        } catch (RuntimeException e) {
            return "";
        }
    }

    private HttpResponse<String> send(FollowUpExport.Jira jira, String method, String path, String json)
            throws TrackerFailure {
        String token = secrets.get(jira.tokenEnv()).orElseThrow(() -> new TrackerFailure(
                "the Jira API token is not set (environment variable " + jira.tokenEnv() + ")"));
        String auth = Base64.getEncoder().encodeToString((jira.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base(jira) + path)).timeout(timeout)
                .header("Authorization", "Basic " + auth)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TrackerFailure("Jira at " + base(jira) + " did not answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrackerFailure("interrupted while calling Jira");
        }
    }

    static String base(FollowUpExport.Jira jira) {
        return jira.url().toString().replaceAll("/+$", "");
    }

    /** Jira's words for a refused call: its errorMessages and field errors, cut short. */
    static String refusal(FollowUpExport.Jira jira, HttpResponse<String> answer) {
        int status = answer.statusCode();
        String prefix = switch (status) {
            case 401 -> "Jira refused the credentials of " + jira.user() + " (HTTP 401)";
            case 403 -> jira.user() + " may not do this in Jira project " + jira.project() + " (HTTP 403)";
            case 404 -> "Jira has no such project or issue, or " + jira.user() + " cannot see it (HTTP 404)";
            default -> "Jira answered HTTP " + status;
        };
        JsonObject o = object(answer.body());
        List<String> said = new ArrayList<>();
        if (o != null && o.has("errorMessages") && o.get("errorMessages").isJsonArray()) {
            o.getAsJsonArray("errorMessages").forEach(m -> said.add(m.getAsString()));
        }
        if (o != null && o.has("errors") && o.get("errors").isJsonObject()) {
            o.getAsJsonObject("errors").entrySet().forEach(e -> said.add(e.getKey() + ": " + e.getValue().getAsString()));
        }
        String words = String.join("; ", said);
        return said.isEmpty() ? prefix : prefix + ": " + (words.length() > 300 ? words.substring(0, 299) + "…" : words);
    }

    static String summary(String text) {
        String first = text.strip().lines().findFirst().orElse("Follow-up");
        return first.length() <= 250 ? first : first.substring(0, 249) + "…";
    }

    /** Atlassian Document Format: the follow-up's text, its due day, and links back to the incident and the message. */
    static JsonObject description(FollowUp f, Incident incident, String incidentPage) {
        JsonArray content = new JsonArray();
        content.add(paragraph(text("Follow-up #" + f.id() + " of " + incident.id() + ": " + incident.title())));
        content.add(paragraph(text(f.text())));
        content.add(paragraph(text("Due " + f.due() + ".")));
        content.add(paragraph(text("Incident: "), link(incident.id(), incidentPage)));
        f.link().ifPresent(l -> content.add(paragraph(text("Slack message: "), link("the message", l))));
        content.add(paragraph(text("Moving this issue to Done closes the follow-up in Flightdeck.")));
        JsonObject doc = new JsonObject();
        doc.addProperty("type", "doc");
        doc.addProperty("version", 1);
        doc.add("content", content);
        return doc;
    }

    private static JsonObject paragraph(JsonObject... parts) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "paragraph");
        JsonArray content = new JsonArray();
        for (JsonObject part : parts) {
            content.add(part);
        }
        p.add("content", content);
        return p;
    }

    private static JsonObject text(String value) {
        JsonObject t = new JsonObject();
        t.addProperty("type", "text");
        t.addProperty("text", value.isEmpty() ? " " : value);
        return t;
    }

    private static JsonObject link(String label, String href) {
        JsonObject t = text(label);
        JsonObject mark = new JsonObject();
        mark.addProperty("type", "link");
        JsonObject attrs = new JsonObject();
        attrs.addProperty("href", href);
        mark.add("attrs", attrs);
        JsonArray marks = new JsonArray();
        marks.add(mark);
        t.add("marks", marks);
        return t;
    }

    private static JsonObject object(String body) {
        try {
            JsonElement e = JsonParser.parseString(body == null ? "" : body);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
