package dev.flightdeck.build;

import dev.flightdeck.testing.TestSecretsFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's REST API on a {@link FakeBuildServer}, as strict as the real one where it matters: every call needs
 * {@code Authorization: Bearer <the test GITHUB_TOKEN>} (else 401 "Bad credentials") and a User-Agent (else 403), an
 * unknown repository or ref is 404, and answers have GitHub's shapes (documented per endpoint below, from
 * docs.github.com/rest). Repositories hold commits (each with a parent, message and author login) and refs (tags and
 * branches). Each endpoint group lives in its own section; add endpoints there with {@link #route}.
 */
public final class FakeGitHub {

    public static final String TOKEN = TestSecretsFactory.VALUES.get("GITHUB_TOKEN");

    /** One commit: {@code parent} is null for a repository's first. {@code pr} is 0 when no pull request merged it. */
    public record Commit(String sha, String parent, String message, String author, int pr) {
    }

    /** A repository's history and refs. */
    public final class Repo {
        final String fullName;
        final Map<String, Commit> commits = new LinkedHashMap<>();
        final Map<String, String> refs = new LinkedHashMap<>();
        private String head;

        Repo(String fullName) {
            this.fullName = fullName;
        }

        /** Adds a commit on top of the last one and returns its sha. */
        public synchronized String commit(String message, String author, int pr) {
            String sha = sha(fullName + "/" + commits.size() + "/" + message);
            commits.put(sha, new Commit(sha, head, message, author, pr));
            head = sha;
            return sha;
        }

        /** Points a tag or branch at a commit (the last one when {@code sha} is null). */
        public synchronized Repo ref(String name, String sha) {
            refs.put(name, sha == null ? head : sha);
            return this;
        }

        /** A sha, tag or branch, resolved to a commit. */
        public synchronized Optional<Commit> resolve(String ref) {
            String sha = refs.getOrDefault(ref, ref);
            return Optional.ofNullable(commits.get(sha));
        }

        /** Commits reachable from {@code head} and not from {@code base}, oldest first (what compare lists). */
        public synchronized List<Commit> between(Commit base, Commit head) {
            List<Commit> out = new ArrayList<>();
            for (Commit c = head; c != null && (base == null || !c.sha().equals(base.sha())); c = commits.get(c.parent())) {
                out.add(0, c);
            }
            return out;
        }
    }

    private record Route(String method, Pattern path, Function<Matcher, FakeBuildServer.Answer> answer) {
    }

    private final FakeBuildServer server;
    private final Map<String, Repo> repos = new LinkedHashMap<>();
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public FakeGitHub(FakeBuildServer server) {
        this.server = server;
        installCompare();
        installChecks();
        installReleases();
        installActionsLogs();
    }

    public synchronized Repo repo(String fullName) {
        return repos.computeIfAbsent(fullName, Repo::new);
    }

    public String url() {
        return server.url();
    }

    /** Every call made to this fake's routes, in order. */
    public List<FakeBuildServer.Received> received(String pathPrefix) {
        return server.received("GET", pathPrefix);
    }

    /**
     * Answers {@code METHOD /repos/{owner}/{repo}/…} requests whose path (after the repository) matches {@code path};
     * group 1 of the matcher handed to {@code answer} is the text after the repository's name. The repository must
     * exist and the call be authorised, or GitHub's 404 or 401 is the answer.
     */
    public FakeGitHub route(String method, String path, java.util.function.BiFunction<Repo, Matcher, FakeBuildServer.Answer> answer) {
        Pattern repoPath = Pattern.compile("/repos/([^/]+/[^/]+)" + path);
        routes.add(new Route(method, repoPath, m -> {
            Repo repo;
            synchronized (this) {
                repo = repos.get(m.group(1));
            }
            return repo == null ? notFound() : answer.apply(repo, m);
        }));
        server.on(method + " /repos/", this::serve);
        return this;
    }

    private FakeBuildServer.Answer serve(FakeBuildServer.Received r) {
        if (r.header("User-Agent") == null) {
            return FakeBuildServer.Answer.of(403, "{\"message\":\"Request forbidden by administrative rules. "
                    + "Please make sure your request has a User-Agent header\"}");
        }
        if (!("Bearer " + TOKEN).equals(r.header("Authorization"))) {
            return FakeBuildServer.Answer.of(401, "{\"message\":\"Bad credentials\","
                    + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
        }
        for (Route route : routes) {
            Matcher m = route.path().matcher(r.path());
            if (route.method().equals(r.method()) && m.matches()) {
                return route.answer().apply(m);
            }
        }
        return notFound();
    }

    public static FakeBuildServer.Answer notFound() {
        return FakeBuildServer.Answer.of(404, "{\"message\":\"Not Found\","
                + "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
    }

    static String sha(String seed) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- compare: GET /repos/{owner}/{repo}/compare/{base}...{head} (what ships) ---
    // Shapes from docs.github.com/rest/commits/commits#compare-two-commits: status, ahead_by, behind_by,
    // total_commits, commits[] (sha, commit.message, commit.author.name, author.login, html_url), html_url and
    // permalink_url on the web host (here the fake's own address, so nothing may assume github.com). Without paging
    // parameters (Flightdeck sends none) at most 250 commits are listed, oldest first, as GitHub does.
    // A commit merged from a pull request carries GitHub's squash-merge title, "message (#pr)".

    /** Repositories whose compare answers this HTTP status instead (a GitHub having a bad day). */
    private final Map<String, Integer> compareFaults = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger compareCalls = new java.util.concurrent.atomic.AtomicInteger();

    /** From now on, compare in {@code fullName} answers {@code status} (0: answers again). */
    public FakeGitHub failCompare(String fullName, int status) {
        if (status == 0) {
            compareFaults.remove(fullName);
        } else {
            compareFaults.put(fullName, status);
        }
        return this;
    }

    /** Compare calls answered so far (any repository). */
    public int compareCalls() {
        return compareCalls.get();
    }

    private void installCompare() {
        route("GET", "/compare/(.+?)\\.\\.\\.(.+)", (repo, m) -> {
            compareCalls.incrementAndGet();
            Integer fault = compareFaults.get(repo.fullName);
            if (fault != null) {
                return FakeBuildServer.Answer.of(fault, fault >= 500 ? "{\"message\":\"Server Error\"}"
                        : "{\"message\":\"Forbidden\",\"documentation_url\":\"https://docs.github.com/rest\"}");
            }
            String base = java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
            String head = java.net.URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
            Optional<Commit> b = repo.resolve(base);
            Optional<Commit> h = repo.resolve(head);
            if (b.isEmpty() || h.isEmpty()) {
                return notFound();
            }
            return FakeBuildServer.Answer.of(200, compare(repo, base, head, b.get(), h.get()));
        });
    }

    private String compare(Repo repo, String baseRef, String headRef, Commit base, Commit head) {
        List<Commit> ahead;
        List<Commit> behind;
        synchronized (repo) {
            boolean baseIsAncestor = repo.between(null, head).contains(base);
            boolean headIsAncestor = repo.between(null, base).contains(head);
            ahead = baseIsAncestor ? repo.between(base, head) : headIsAncestor ? List.of() : repo.between(null, head);
            behind = headIsAncestor ? repo.between(head, base) : List.of();
        }
        String status = ahead.isEmpty() && behind.isEmpty() ? "identical" : behind.isEmpty() ? "ahead"
                : ahead.isEmpty() ? "behind" : "diverged";
        List<Commit> page = ahead.size() > 250 ? ahead.subList(0, 250) : ahead;
        String web = url() + "/" + repo.fullName;
        String owner = repo.fullName.substring(0, repo.fullName.indexOf('/'));
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("url", url() + "/repos/" + repo.fullName + "/compare/" + baseRef + "..." + headRef);
        o.addProperty("html_url", web + "/compare/" + baseRef + "..." + headRef);
        o.addProperty("permalink_url", web + "/compare/" + owner + ":" + base.sha() + "..." + owner + ":" + head.sha());
        o.addProperty("diff_url", web + "/compare/" + baseRef + "..." + headRef + ".diff");
        o.addProperty("patch_url", web + "/compare/" + baseRef + "..." + headRef + ".patch");
        o.add("base_commit", commitJson(repo, base));
        o.add("merge_base_commit", commitJson(repo, behind.isEmpty() ? base : head));
        o.addProperty("status", status);
        o.addProperty("ahead_by", ahead.size());
        o.addProperty("behind_by", behind.size());
        o.addProperty("total_commits", ahead.size());
        com.google.gson.JsonArray commits = new com.google.gson.JsonArray();
        page.forEach(c -> commits.add(commitJson(repo, c)));
        o.add("commits", commits);
        o.add("files", new com.google.gson.JsonArray());
        return o.toString();
    }

    private com.google.gson.JsonObject commitJson(Repo repo, Commit c) {
        String api = url() + "/repos/" + repo.fullName;
        String web = url() + "/" + repo.fullName;
        String message = c.pr() > 0 && !c.message().contains("#" + c.pr()) ? titled(c.message(), c.pr()) : c.message();
        com.google.gson.JsonObject person = new com.google.gson.JsonObject();
        person.addProperty("name", c.author());
        person.addProperty("email", c.author() + "@users.noreply.github.com");
        person.addProperty("date", "2026-12-01T10:00:00Z");
        com.google.gson.JsonObject commit = new com.google.gson.JsonObject();
        commit.add("author", person);
        commit.add("committer", person.deepCopy());
        commit.addProperty("message", message);
        commit.addProperty("url", api + "/git/commits/" + c.sha());
        commit.addProperty("comment_count", 0);
        com.google.gson.JsonObject login = new com.google.gson.JsonObject();
        login.addProperty("login", c.author());
        login.addProperty("id", Math.abs(c.author().hashCode()));
        login.addProperty("html_url", url() + "/" + c.author());
        login.addProperty("type", "User");
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("sha", c.sha());
        o.addProperty("node_id", "C_" + c.sha().substring(0, 12));
        o.add("commit", commit);
        o.addProperty("url", api + "/commits/" + c.sha());
        o.addProperty("html_url", web + "/commit/" + c.sha());
        o.add("author", login);
        o.add("committer", login.deepCopy());
        com.google.gson.JsonArray parents = new com.google.gson.JsonArray();
        if (c.parent() != null) {
            com.google.gson.JsonObject p = new com.google.gson.JsonObject();
            p.addProperty("sha", c.parent());
            p.addProperty("html_url", web + "/commit/" + c.parent());
            parents.add(p);
        }
        o.add("parents", parents);
        return o;
    }

    /** GitHub's squash-merge commit: the PR's title with " (#n)" on its first line. */
    private static String titled(String message, int pr) {
        int eol = message.indexOf('\n');
        return eol < 0 ? message + " (#" + pr + ")" : message.substring(0, eol) + " (#" + pr + ")" + message.substring(eol);
    }

    // --- checks: GET /repos/{owner}/{repo}/commits/{ref}/check-runs and /commits/{ref}/status (gate ci) ---

    /**
     * CI on one commit, as GitHub's "List check runs for a Git reference" and "Get the combined status for a specific
     * reference" answer it (docs.github.com/rest/checks/runs, /rest/commits/statuses). A run or status set again under
     * the same name replaces the old one, as GitHub lists only the latest run of a name and the latest status of a
     * context.
     */
    public final class CommitCi {
        final String sha;
        final Map<String, String[]> runs = new LinkedHashMap<>();
        final Map<String, String[]> statuses = new LinkedHashMap<>();

        CommitCi(String sha) {
            this.sha = sha;
        }

        /** A check run: {@code status} queued, in_progress or completed; {@code conclusion} null until completed. */
        public synchronized CommitCi run(String name, String status, String conclusion) {
            runs.put(name, new String[] {status, conclusion, String.valueOf(ciIds.incrementAndGet())});
            return this;
        }

        /** A commit status: {@code state} success, pending, failure or error. */
        public synchronized CommitCi status(String context, String state, String targetUrl) {
            statuses.put(context, new String[] {state, targetUrl, String.valueOf(ciIds.incrementAndGet())});
            return this;
        }

        /** The run's page on GitHub, as {@code html_url} gives it. */
        public synchronized String runUrl(String repo, String name) {
            return "https://github.com/" + repo + "/runs/" + runs.get(name)[2];
        }
    }

    private final Map<String, CommitCi> ci = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ciIds = new java.util.concurrent.atomic.AtomicLong(4_000_000_000L);
    private volatile int checksFailWith;

    /** CI on a commit (by full sha); a commit nobody set has no runs and no statuses. */
    public CommitCi ci(String sha) {
        return ci.computeIfAbsent(sha, CommitCi::new);
    }

    /** The checks and status endpoints answer {@code status} (GitHub's error body) until set back to 0. */
    public void checksFailWith(int status) {
        checksFailWith = status;
    }

    private void installChecks() {
        route("GET", "/commits/([^/]+)/check-runs", (repo, m) -> {
            if (checksFailWith != 0) {
                return FakeBuildServer.Answer.of(checksFailWith, "{\"message\":\"Server Error\"}");
            }
            Optional<Commit> commit = repo.resolve(java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            if (commit.isEmpty()) {
                return FakeBuildServer.Answer.of(422, "{\"message\":\"No commit found for SHA: " + m.group(2)
                        + "\",\"documentation_url\":\"https://docs.github.com/rest/checks/runs\",\"status\":\"422\"}");
            }
            Map<String, String> query = query(lastQuery(m.group(0)));
            int perPage = Math.min(100, Integer.parseInt(query.getOrDefault("per_page", "30")));
            int page = Integer.parseInt(query.getOrDefault("page", "1"));
            CommitCi c = ci(commit.get().sha());
            List<String> all = new ArrayList<>();
            synchronized (c) {
                c.runs.forEach((name, r) -> all.add(checkRunJson(repo.fullName, c.sha, name, r)));
            }
            int from = Math.min(all.size(), (page - 1) * perPage);
            List<String> these = all.subList(from, Math.min(all.size(), from + perPage));
            Map<String, String> headers = new LinkedHashMap<>();
            if (from + perPage < all.size()) {
                String next = url() + m.group(0) + "?per_page=" + perPage + "&page=" + (page + 1);
                headers.put("Link", "<" + next + ">; rel=\"next\"");
            }
            return new FakeBuildServer.Answer(200, "{\"total_count\":" + all.size() + ",\"check_runs\":["
                    + String.join(",", these) + "]}", headers);
        });
        route("GET", "/commits/([^/]+)/status", (repo, m) -> {
            if (checksFailWith != 0) {
                return FakeBuildServer.Answer.of(checksFailWith, "{\"message\":\"Server Error\"}");
            }
            Optional<Commit> commit = repo.resolve(java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            if (commit.isEmpty()) {
                return notFound();
            }
            CommitCi c = ci(commit.get().sha());
            List<String> statuses = new ArrayList<>();
            String combined;
            synchronized (c) {
                c.statuses.forEach((context, st) -> statuses.add("{\"url\":\"https://api.github.com/repos/" + repo.fullName
                        + "/statuses/" + c.sha + "\",\"id\":" + st[2] + ",\"node_id\":\"MDY6U3RhdHVz" + st[2]
                        + "\",\"state\":\"" + st[0] + "\",\"description\":\"" + context + " " + st[0]
                        + "\",\"target_url\":" + (st[1] == null ? "null" : "\"" + st[1] + "\"") + ",\"context\":\""
                        + context + "\",\"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}"));
                // GitHub's combined state: failure if any failed or errored, pending if any pending or none at all.
                combined = c.statuses.values().stream().anyMatch(st -> st[0].equals("failure") || st[0].equals("error"))
                        ? "failure" : c.statuses.isEmpty() || c.statuses.values().stream().anyMatch(st -> st[0].equals("pending"))
                        ? "pending" : "success";
            }
            return FakeBuildServer.Answer.of(200, "{\"state\":\"" + combined + "\",\"statuses\":[" + String.join(",", statuses)
                    + "],\"sha\":\"" + c.sha + "\",\"total_count\":" + statuses.size() + ",\"repository\":{\"full_name\":\""
                    + repo.fullName + "\"},\"commit_url\":\"https://api.github.com/repos/" + repo.fullName + "/commits/"
                    + c.sha + "\",\"url\":\"https://api.github.com/repos/" + repo.fullName + "/commits/" + c.sha + "/status\"}");
        });
    }

    private static String checkRunJson(String repo, String sha, String name, String[] r) {
        String conclusion = r[1] == null ? "null" : "\"" + r[1] + "\"";
        return "{\"id\":" + r[2] + ",\"head_sha\":\"" + sha + "\",\"node_id\":\"MDg6Q2hlY2tSdW4" + r[2]
                + "\",\"external_id\":\"\",\"url\":\"https://api.github.com/repos/" + repo + "/check-runs/" + r[2]
                + "\",\"html_url\":\"https://github.com/" + repo + "/runs/" + r[2] + "\",\"details_url\":\"https://github.com/"
                + repo + "/runs/" + r[2] + "\",\"status\":\"" + r[0] + "\",\"conclusion\":" + conclusion
                + ",\"started_at\":\"2026-01-01T00:00:00Z\",\"completed_at\":" + (r[1] == null ? "null" : "\"2026-01-01T00:05:00Z\"")
                + ",\"output\":{\"title\":null,\"summary\":null,\"text\":null,\"annotations_count\":0},\"name\":\"" + name
                + "\",\"check_suite\":{\"id\":5},\"app\":{\"slug\":\"github-actions\"},\"pull_requests\":[]}";
    }

    /** The query of the request being answered: routes see the path only, the server recorded the whole request. */
    private String lastQuery(String path) {
        List<FakeBuildServer.Received> calls = server.received("GET", path).stream().filter(r -> r.path().equals(path)).toList();
        return calls.isEmpty() ? null : calls.get(calls.size() - 1).query();
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    // --- releases: GET /repos/{owner}/{repo}/releases/… (release webhook) ---
    private void installReleases() {
    }

    // --- Actions jobs and logs: GET /repos/{owner}/{repo}/actions/runs/{id}/jobs, /actions/jobs/{id}/logs ---

    /** One job of a run: {@code steps} are {name, conclusion} pairs; {@code log} is its log as GitHub stores it. */
    public record ActionsJob(long id, String name, String conclusion, List<String[]> steps, String log) {
    }

    /** Where a job's log is "stored": the signed URL the logs endpoint redirects to, on the same loopback server. */
    public static final String SIGNED_LOGS = "/fake-blob/actions-logs/";
    private final Map<String, List<ActionsJob>> actionsRuns = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Long, ActionsJob> actionsJobs = new java.util.concurrent.ConcurrentHashMap<>();

    /** A run of {@code repo} with these jobs (the repository is created if new). */
    public FakeGitHub run(String repo, long runId, ActionsJob... jobs) {
        repo(repo);
        actionsRuns.put(repo + "#" + runId, List.of(jobs));
        for (ActionsJob job : jobs) {
            actionsJobs.put(job.id(), job);
        }
        return this;
    }

    private void installActionsLogs() {
        // docs.github.com/rest/actions/workflow-jobs#list-jobs-for-a-workflow-run
        route("GET", "/actions/runs/([0-9]+)/jobs", (repo, m) -> {
            List<ActionsJob> jobs = actionsRuns.get(repo.fullName + "#" + m.group(2));
            if (jobs == null) {
                return notFound();
            }
            StringBuilder out = new StringBuilder("{\"total_count\":" + jobs.size() + ",\"jobs\":[");
            for (ActionsJob job : jobs) {
                out.append(out.charAt(out.length() - 1) == '[' ? "" : ",").append("{\"id\":").append(job.id())
                        .append(",\"run_id\":").append(m.group(2)).append(",\"name\":\"").append(job.name())
                        .append("\",\"status\":\"completed\",\"conclusion\":\"").append(job.conclusion())
                        .append("\",\"html_url\":\"https://github.com/").append(repo.fullName).append("/actions/runs/")
                        .append(m.group(2)).append("/job/").append(job.id()).append("\",\"steps\":[");
                int n = 0;
                for (String[] step : job.steps()) {
                    out.append(n == 0 ? "" : ",").append("{\"name\":\"").append(step[0])
                            .append("\",\"status\":\"completed\",\"conclusion\":\"").append(step[1])
                            .append("\",\"number\":").append(++n).append("}");
                }
                out.append("]}");
            }
            return FakeBuildServer.Answer.of(200, out.append("]}").toString());
        });
        // docs.github.com/rest/actions/workflow-jobs#download-job-logs-for-a-workflow-run: "302 Found", Location is a
        // URL that expires after a minute.
        route("GET", "/actions/jobs/([0-9]+)/logs", (repo, m) -> {
            ActionsJob job = actionsJobs.get(Long.parseLong(m.group(2)));
            return job == null ? notFound() : new FakeBuildServer.Answer(302, "", Map.of("Location",
                    server.url() + SIGNED_LOGS + job.id() + "?sv=2021-08-06&se=2026-12-07T03%3A30%3A00Z&sig=fakeSignature"));
        });
        // The blob store behind the signed URL: the signature is the authorisation; a request that also sends an
        // Authorization header is refused, as Azure Blob Storage refuses a SAS request with one.
        server.on("GET " + SIGNED_LOGS, r -> {
            if (r.header("Authorization") != null) {
                return FakeBuildServer.Answer.of(400, "<Error><Code>InvalidAuthenticationInfo</Code></Error>");
            }
            if (r.query() == null || !r.query().contains("sig=fakeSignature")) {
                return FakeBuildServer.Answer.of(403, "<Error><Code>AuthenticationFailed</Code></Error>");
            }
            ActionsJob job = actionsJobs.get(Long.parseLong(r.path().substring(SIGNED_LOGS.length())));
            return job == null ? FakeBuildServer.Answer.of(404, "<Error><Code>BlobNotFound</Code></Error>")
                    : FakeBuildServer.Answer.of(200, job.log());
        });
    }
}
