package dev.flightdeck.build.webhook;

import com.google.gson.JsonObject;
import dev.flightdeck.build.BuildEvent;
import dev.flightdeck.build.Json;
import dev.flightdeck.build.circleci.CircleCiStatuses;
import dev.flightdeck.build.github.GithubStatuses;
import dev.flightdeck.build.jenkins.JenkinsStatuses;
import dev.flightdeck.deploy.BuildPhase;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads each backend's webhook body into a {@link BuildEvent}, its status words through that backend's status table
 * (the one the poll reads through too). Empty for deliveries that carry no status change (queued, in progress
 * twice, pings); labels are built exactly as the triggers build them, so a webhook finds the deploy its trigger
 * started.
 */
public final class Payloads {

    private static final Pattern DEPLOY_IN_TITLE = Pattern.compile("flightdeck #([0-9]{1,18})");

    private Payloads() {
    }

    /**
     * Jenkins Notification plugin: {@code {"name": job, "url": "job/…/", "build": {"number", "phase", "status",
     * "full_url", "url", "parameters"}}}. The plugin's {@code name} is the short name, so a job in a folder or a
     * branch of a multibranch project is named by its full name, read from its URL.
     */
    public static Optional<BuildEvent> jenkins(String body) {
        Optional<JsonObject> root = Json.object(body);
        Optional<JsonObject> build = root.flatMap(r -> Json.child(r, "build"));
        if (root.isEmpty() || build.isEmpty()) {
            return Optional.empty();
        }
        String job = fullName(Json.text(root.get(), "url").or(() -> Json.text(build.get(), "url"))
                .or(() -> Json.text(build.get(), "full_url")).orElse(""))
                .orElseGet(() -> Json.text(root.get(), "name").orElse(null));
        Optional<BuildPhase> p = JenkinsStatuses.notification(Json.text(build.get(), "phase").orElse(null),
                Json.text(build.get(), "status").orElse(null));
        if (p.isEmpty() || job == null) {
            return Optional.empty();
        }
        String number = Json.text(build.get(), "number").orElse(null);
        return Optional.of(new BuildEvent("jenkins", job, job + (number == null ? "" : " build #" + number), p.get(),
                Json.text(build.get(), "full_url").orElse(null), null,
                Json.text(build.get(), "parameters.DEPLOY_ID").flatMap(Payloads::id),
                Json.text(build.get(), "scm.branch").orElse(null)));
    }

    /** CircleCI {@code workflow-completed}: project slug, pipeline number, workflow status. */
    public static Optional<BuildEvent> circleci(String body) {
        Optional<JsonObject> root = Json.object(body);
        if (root.isEmpty() || !"workflow-completed".equals(Json.text(root.get(), "type").orElse(""))) {
            return Optional.empty();
        }
        String slug = Json.text(root.get(), "project.slug").orElse(null);
        String number = Json.text(root.get(), "pipeline.number").orElse(null);
        // A workflow-completed delivery is CircleCI saying the workflow stopped.
        Optional<BuildPhase> p = CircleCiStatuses.workflow(Json.text(root.get(), "workflow.status").orElse(null), true);
        if (slug == null || number == null || p.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BuildEvent("circleci", slug, slug + " pipeline #" + number, p.get(),
                Json.text(root.get(), "workflow.url").orElse(null),
                Json.text(root.get(), "pipeline.vcs.commit.author.name").orElse(null), Optional.empty(),
                Json.text(root.get(), "pipeline.vcs.branch").orElse(null)));
    }

    /** GitHub {@code workflow_run}: requested is the start, completed carries the conclusion. */
    public static Optional<BuildEvent> github(String body) {
        Optional<JsonObject> root = Json.object(body);
        Optional<JsonObject> run = root.flatMap(r -> Json.child(r, "workflow_run"));
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Optional<BuildPhase> p = GithubStatuses.action(Json.text(root.get(), "action").orElse(null),
                Json.text(run.get(), "conclusion").orElse(null));
        if (p.isEmpty()) {
            return Optional.empty();
        }
        String path = Json.text(run.get(), "path").orElse("");
        String workflow = path.substring(path.lastIndexOf('/') + 1);
        String repo = Json.text(root.get(), "repository.full_name").orElse("");
        String title = Json.text(run.get(), "display_title").orElse("");
        Matcher m = DEPLOY_IN_TITLE.matcher(title);
        return Optional.of(new BuildEvent("github-actions", repo + "/" + workflow,
                workflow + " run #" + Json.text(run.get(), "run_number").orElse("?"), p.get(),
                Json.text(run.get(), "html_url").orElse(null),
                Json.text(run.get(), "triggering_actor.login").or(() -> Json.text(run.get(), "actor.login")).orElse(null),
                m.find() ? id(m.group(1)) : Optional.empty(), Json.text(run.get(), "head_branch").orElse(null)));
    }

    private static final Pattern JOB_SEGMENT = Pattern.compile("(?:^|/)job/([^/]+)");

    /** {@code job/folder/job/name/job/branch/42/} → {@code folder/name/branch}; empty when the URL names no job. */
    public static Optional<String> fullName(String url) {
        Matcher m = JOB_SEGMENT.matcher(url == null ? "" : url);
        StringBuilder name = new StringBuilder();
        while (m.find()) {
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name.toString());
    }

    private static Optional<Long> id(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
