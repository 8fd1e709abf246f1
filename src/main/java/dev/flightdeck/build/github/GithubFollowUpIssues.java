package dev.flightdeck.build.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flightdeck.build.Json;
import dev.flightdeck.incident.Incident;
import dev.flightdeck.incident.followup.FollowUp;
import dev.flightdeck.incident.followup.FollowUpExport;
import dev.flightdeck.incident.followup.FollowUpTracker;
import dev.flightdeck.team.RepoRef;
import jakarta.inject.Singleton;

import java.net.http.HttpResponse;

/**
 * Follow-ups as GitHub issues ({@code follow-ups: { github: acme/ops }}): {@code POST /repos/{owner}/{repo}/issues}
 * with the labels {@code incident} and the incident's id, and a body linking back to the incident's page, through
 * {@link GithubApi} with the {@code GITHUB_TOKEN} convention of services without their own token. Closing the issue
 * closes the follow-up through the {@code issues} webhook ({@code build/webhook/GithubIssuesRoute}).
 */
@Singleton
public class GithubFollowUpIssues implements FollowUpTracker {

    private final GithubApi api;

    public GithubFollowUpIssues(GithubApi api) {
        this.api = api;
    }

    @Override
    public boolean handles(FollowUpExport export) {
        return export instanceof FollowUpExport.Github;
    }

    @Override
    public Created create(FollowUpExport export, FollowUp f, Incident incident, String incidentPage)
            throws TrackerFailure {
        RepoRef repo = new RepoRef(((FollowUpExport.Github) export).repo(), RepoRef.DEFAULT_TOKEN_ENV);
        JsonObject body = new JsonObject();
        body.addProperty("title", title(f.text()));
        body.addProperty("body", body(f, incident, incidentPage));
        JsonArray labels = new JsonArray();
        labels.add("incident");
        labels.add(incident.id());
        body.add("labels", labels);
        HttpResponse<String> answer;
        try {
            answer = api.post(repo, "issues", body.toString());
        } catch (GithubApi.GithubFailure e) {
            throw new TrackerFailure(e.getMessage());
        }
        JsonObject issue = Json.object(answer.body()).orElseThrow(() -> new TrackerFailure(
                "GitHub's answer for " + repo.fullName() + " was not an issue"));
        String number = Json.text(issue, "number").orElseThrow(() -> new TrackerFailure("GitHub's answer has no number"));
        return new Created(key(repo.fullName(), number), Json.text(issue, "html_url").orElse(""));
    }

    /** How a GitHub issue is keyed on the follow-up: {@code owner/repo#12}. */
    public static String key(String repo, String number) {
        return repo + "#" + number;
    }

    static String title(String text) {
        String first = text.strip().lines().findFirst().orElse("Follow-up");
        return first.length() <= 200 ? first : first.substring(0, 199) + "…";
    }

    static String body(FollowUp f, Incident incident, String incidentPage) {
        return "Follow-up #" + f.id() + " of " + incident.id() + ": " + incident.title() + "\n\n"
                + f.text() + "\n\n"
                + "Due " + f.due() + ".\n\n"
                + "Incident: " + incidentPage + "\n"
                + f.link().map(l -> "Slack message: " + l + "\n").orElse("")
                + "\nClosing this issue closes the follow-up in Flightdeck.";
    }
}
