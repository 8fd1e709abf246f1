package dev.flightdeck.tracker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira Cloud's REST API v3 on loopback, as strict as Jira where Flightdeck touches it: basic auth of the one account
 * and its API token (else 401), {@code POST /rest/api/3/issue} ("Create issue": fields.project.key of a known
 * project, a summary, an issuetype by name, labels without spaces; Jira's 400 {@code {"errorMessages":[],"errors":
 * {field: message}}} otherwise; 201 {@code {"id","key","self"}}), and {@code POST /rest/api/3/search/jql} ("Search for
 * issues using JQL enhanced search": the JQL {@code key in (…) AND statusCategory = Done}; 200 {@code {"issues":[…],
 * "isLast":true}}). Any other path or method is 404 as Jira answers it. Public for the end-to-end follow-up tests
 * (slack/incident/followup/FollowUpJiraTest), which run the app against it.
 */
public final class FakeJira implements AutoCloseable {

    public record Issue(String key, String project, String summary, String type, List<String> labels, String description) {
    }

    private static final Pattern KEYS = Pattern.compile("key in \\(([A-Z0-9_, -]+)\\) AND statusCategory = Done");

    private final HttpServer server;
    private final String user;
    private final String token;
    private final String project;
    private final AtomicInteger numbers = new AtomicInteger();
    public final Map<String, Issue> issues = new ConcurrentHashMap<>();
    public final Map<String, String> status = new ConcurrentHashMap<>();
    public final List<String> calls = new CopyOnWriteArrayList<>();
    private final java.util.Queue<Integer> searchFailures = new java.util.concurrent.ConcurrentLinkedQueue<>();

    public FakeJira(String user, String token, String project) {
        this.user = user;
        this.token = token;
        this.project = project;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::serve);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void done(String key) {
        status.put(key, "done");
    }

    /**
     * The next searches, one status each, fail as Jira fails: 401 as a revoked token is refused, anything else
     * (a 5xx) as Jira's outage page; later searches answer again.
     */
    public void failSearches(int... statuses) {
        for (int s : statuses) {
            searchFailures.add(s);
        }
    }

    private void serve(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath();
        calls.add(x.getRequestMethod() + " " + path);
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"protected-area\"");
            answer(x, 401, "Client must be authenticated to access this resource.");
            return;
        }
        if (x.getRequestMethod().equals("POST") && path.equals("/rest/api/3/issue")) {
            create(x, body);
        } else if (x.getRequestMethod().equals("POST") && path.equals("/rest/api/3/search/jql")) {
            search(x, body);
        } else {
            answer(x, 404, "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
        }
    }

    private void create(HttpExchange x, String body) throws IOException {
        JsonObject fields;
        try {
            fields = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("fields");
        } catch (RuntimeException e) {
            answer(x, 400, "{\"errorMessages\":[\"Unexpected character in the request body.\"],\"errors\":{}}");
            return;
        }
        JsonObject errors = new JsonObject();
        String key = text(fields, "project", "key");
        if (key == null || !key.equals(project)) {
            errors.addProperty("project", "valid project is required");
        }
        String summary = fields != null && fields.has("summary") ? fields.get("summary").getAsString() : "";
        if (summary.isBlank()) {
            errors.addProperty("summary", "You must specify a summary of the issue.");
        } else if (summary.length() > 255) {
            errors.addProperty("summary", "Summary must be less than 255 characters.");
        }
        String type = text(fields, "issuetype", "name");
        if (type == null || !List.of("Task", "Bug", "Story").contains(type)) {
            errors.addProperty("issuetype", "Specify an issue type");
        }
        List<String> labels = new java.util.ArrayList<>();
        if (fields != null && fields.has("labels")) {
            for (JsonElement l : fields.getAsJsonArray("labels")) {
                if (l.getAsString().contains(" ")) {
                    errors.addProperty("labels", "The label '" + l.getAsString() + "' contains spaces which is invalid.");
                }
                labels.add(l.getAsString());
            }
        }
        if (fields != null && fields.has("description") && !fields.get("description").isJsonObject()) {
            errors.addProperty("description", "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
        }
        if (errors.size() > 0) {
            answer(x, 400, "{\"errorMessages\":[],\"errors\":" + errors + "}");
            return;
        }
        int n = numbers.incrementAndGet();
        String issueKey = project + "-" + n;
        issues.put(issueKey, new Issue(issueKey, key, summary, type, labels, String.valueOf(fields.get("description"))));
        status.put(issueKey, "new");
        answer(x, 201, "{\"id\":\"" + (10000 + n) + "\",\"key\":\"" + issueKey + "\",\"self\":\"" + url()
                + "/rest/api/3/issue/" + (10000 + n) + "\"}");
    }

    private void search(HttpExchange x, String body) throws IOException {
        Integer failure = searchFailures.poll();
        if (failure != null) {
            if (failure == 401) {
                x.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"protected-area\"");
                answer(x, 401, "Client must be authenticated to access this resource.");
            } else {
                answer(x, failure, "<html><body>Atlassian Cloud is temporarily unavailable</body></html>");
            }
            return;
        }
        String jql = JsonParser.parseString(body).getAsJsonObject().get("jql").getAsString();
        Matcher m = KEYS.matcher(jql);
        if (!m.matches()) {
            answer(x, 400, "{\"errorMessages\":[\"Error in the JQL Query: unexpected query.\"],\"errors\":{}}");
            return;
        }
        JsonArray found = new JsonArray();
        for (String k : m.group(1).split(",")) {
            String key = k.trim();
            if ("done".equals(status.get(key))) {
                JsonObject issue = JsonParser.parseString("{\"id\":\"1\",\"key\":\"" + key + "\",\"fields\":{\"status\":"
                        + "{\"name\":\"Done\",\"statusCategory\":{\"id\":3,\"key\":\"done\",\"name\":\"Done\"}}}}")
                        .getAsJsonObject();
                found.add(issue);
            }
        }
        answer(x, 200, "{\"issues\":" + found + ",\"isLast\":true}");
    }

    private static String text(JsonObject o, String child, String field) {
        if (o == null || !o.has(child) || !o.get(child).isJsonObject()) {
            return null;
        }
        JsonObject c = o.getAsJsonObject(child);
        return c.has(field) ? c.get(field).getAsString() : null;
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
