package dev.flightdeck.slack.incident.followup;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.build.FakeBuildServer;
import dev.flightdeck.build.FakeGitHub;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub's "Create an issue" ({@code POST /repos/{owner}/{repo}/issues}, docs.github.com/rest/issues/issues#create-an-issue)
 * on {@link FakeGitHub} (which checks the token and User-Agent, and answers 404 for an unknown repository). Strict as
 * GitHub: the body must be a JSON object with a non-empty string {@code title} (else 422 "Validation Failed" with
 * GitHub's errors array), {@code labels} an array of strings; the answer is 201 with the issue's number, html_url,
 * state and labels. Faults can be queued (a 502 as GitHub's front end sends it).
 */
final class FakeGitHubIssues {

    record Issue(String repo, int number, String title, String body, List<String> labels) {
    }

    private final FakeBuildServer server;
    private final AtomicInteger numbers = new AtomicInteger(100);
    private final Map<String, Issue> issues = new ConcurrentHashMap<>();
    private final ArrayDeque<Integer> faults = new ArrayDeque<>();

    FakeGitHubIssues(FakeBuildServer server, FakeGitHub github, String... repos) {
        this.server = server;
        for (String repo : repos) {
            github.repo(repo);
            server.on("POST /repos/" + repo + "/issues", r -> {
                if (!r.path().equals("/repos/" + repo + "/issues")) {
                    return FakeGitHub.notFound();
                }
                if (r.header("User-Agent") == null) {
                    return FakeBuildServer.Answer.of(403, "{\"message\":\"Request forbidden by administrative rules. "
                            + "Please make sure your request has a User-Agent header\"}");
                }
                if (!("Bearer " + FakeGitHub.TOKEN).equals(r.header("Authorization"))) {
                    return FakeBuildServer.Answer.of(401, "{\"message\":\"Bad credentials\","
                            + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
                }
                return create(repo, r.body());
            });
        }
    }

    /** Every create-issue call that reached the fake, answered or not. */
    List<FakeBuildServer.Received> calls(String repo) {
        return server.received("POST", "/repos/" + repo + "/issues");
    }

    synchronized void failNext(int status) {
        faults.add(status);
    }

    private FakeBuildServer.Answer create(String repo, String body) {
        Integer fault;
        synchronized (this) {
            fault = faults.poll();
        }
        if (fault != null) {
            return FakeBuildServer.Answer.of(fault, fault == 502 ? "{\"message\":\"Server Error\"}"
                    : "{\"message\":\"Service unavailable\"}");
        }
        JsonObject o;
        try {
            JsonElement parsed = JsonParser.parseString(body);
            if (!parsed.isJsonObject()) {
                return FakeBuildServer.Answer.of(400, "{\"message\":\"Problems parsing JSON\","
                        + "\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"400\"}");
            }
            o = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            return FakeBuildServer.Answer.of(400, "{\"message\":\"Problems parsing JSON\","
                    + "\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"400\"}");
        }
        if (!o.has("title") || !o.get("title").isJsonPrimitive() || o.get("title").getAsString().isBlank()) {
            return FakeBuildServer.Answer.of(422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":\"Issue\","
                    + "\"code\":\"missing_field\",\"field\":\"title\"}],"
                    + "\"documentation_url\":\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"422\"}");
        }
        List<String> labels = new java.util.ArrayList<>();
        if (o.has("labels")) {
            if (!o.get("labels").isJsonArray()) {
                return FakeBuildServer.Answer.of(422, "{\"message\":\"Invalid request.\\n\\nFor 'properties/labels', "
                        + o.get("labels") + " is not an array.\",\"documentation_url\":"
                        + "\"https://docs.github.com/rest/issues/issues#create-an-issue\",\"status\":\"422\"}");
            }
            o.getAsJsonArray("labels").forEach(l -> labels.add(l.getAsString()));
        }
        int number = numbers.incrementAndGet();
        Issue issue = new Issue(repo, number, o.get("title").getAsString(),
                o.has("body") && !o.get("body").isJsonNull() ? o.get("body").getAsString() : "", labels);
        issues.put(repo + "#" + number, issue);
        JsonObject answer = new JsonObject();
        answer.addProperty("id", 1_000_000L + number);
        answer.addProperty("number", number);
        answer.addProperty("url", server.url() + "/repos/" + repo + "/issues/" + number);
        answer.addProperty("html_url", "https://github.com/" + repo + "/issues/" + number);
        answer.addProperty("title", issue.title());
        answer.addProperty("body", issue.body());
        answer.addProperty("state", "open");
        JsonArray ls = new JsonArray();
        labels.forEach(l -> {
            JsonObject label = new JsonObject();
            label.addProperty("name", l);
            ls.add(label);
        });
        answer.add("labels", ls);
        return FakeBuildServer.Answer.of(201, answer.toString());
    }

    List<Issue> issues() {
        return List.copyOf(issues.values());
    }

    List<Issue> issuesWithLabel(String label) {
        return issues.values().stream().filter(i -> i.labels().contains(label)).toList();
    }
}
