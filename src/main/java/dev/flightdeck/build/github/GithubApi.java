package dev.flightdeck.build.github;

import dev.flightdeck.build.BuildHttp;
import dev.flightdeck.secrets.EnvSecrets;
import dev.flightdeck.team.RepoRef;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * GitHub's REST API for one repository at a time, with the token named by the service's {@code github-token-env}.
 * The base URL is {@code FLIGHTDECK_GITHUB_API_URL} (property {@code flightdeck.github.api-url}; the older
 * {@code flightdeck.build.github.api-url} still works), so tests point it at a loopback fake. Redirects are never
 * followed here (see {@link BuildHttp}); a caller that must follow one (job logs) does so without the token.
 */
@Singleton
public class GithubApi {

    public static final String API_VERSION = "2022-11-28";

    private final BuildHttp http;
    private final EnvSecrets secrets;
    private final String base;

    public GithubApi(BuildHttp http, EnvSecrets secrets,
                     @Value("${flightdeck.github.api-url:}") String apiUrl,
                     @Value("${flightdeck.build.github.api-url:`https://api.github.com`}") String buildApiUrl) {
        this.http = http;
        this.secrets = secrets;
        this.base = (apiUrl == null || apiUrl.isBlank() ? buildApiUrl : apiUrl).replaceAll("/+$", "");
    }

    /** The API's base URL, without a trailing slash. */
    public String base() {
        return base;
    }

    /**
     * {@code GET /repos/{owner}/{repo}/{path}} ({@code path} without a leading slash, query included) with the
     * repository's token; any 2xx or 3xx answer is returned, anything else is a {@link GithubFailure} whose message
     * says what went wrong in words a channel can read (never the token).
     */
    public HttpResponse<String> get(RepoRef repo, String path) throws GithubFailure {
        String token = secrets.get(repo.tokenEnv()).orElseThrow(() -> new GithubFailure(
                "the GitHub token is not set (environment variable " + repo.tokenEnv() + ")", 0));
        URI uri = URI.create(base + "/repos/" + repo.fullName() + "/" + path);
        HttpResponse<String> answer;
        try {
            answer = http.send(request(uri, token).GET());
        } catch (BuildHttp.BuildCallFailed e) {
            throw new GithubFailure("GitHub did not answer: " + e.getMessage(), 0);
        }
        int status = answer.statusCode();
        if (status / 100 == 2 || status / 100 == 3) {
            return answer;
        }
        throw new GithubFailure(refusal(repo, status, answer), status);
    }

    /**
     * {@code POST /repos/{owner}/{repo}/{path}} with a JSON body and the repository's token; a 2xx answer is returned,
     * anything else is a {@link GithubFailure} in words (GitHub's own message for a 422, never the token).
     */
    public HttpResponse<String> post(RepoRef repo, String path, String json) throws GithubFailure {
        String token = secrets.get(repo.tokenEnv()).orElseThrow(() -> new GithubFailure(
                "the GitHub token is not set (environment variable " + repo.tokenEnv() + ")", 0));
        URI uri = URI.create(base + "/repos/" + repo.fullName() + "/" + path);
        HttpResponse<String> answer;
        try {
            answer = http.send(request(uri, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        } catch (BuildHttp.BuildCallFailed e) {
            throw new GithubFailure("GitHub did not answer: " + e.getMessage(), 0);
        }
        int status = answer.statusCode();
        if (status / 100 == 2) {
            return answer;
        }
        if (status == 422 || status == 410) {
            String message = dev.flightdeck.build.Json.object(answer.body())
                    .flatMap(o -> dev.flightdeck.build.Json.text(o, "message")).orElse("unprocessable");
            throw new GithubFailure("GitHub refused it for " + repo.fullName() + " (HTTP " + status + "): "
                    + dev.flightdeck.text.Texts.cut(message, 200), status);
        }
        throw new GithubFailure(refusal(repo, status, answer), status);
    }

    /** The headers GitHub asks every REST call to send. */
    public static HttpRequest.Builder request(URI uri, String token) {
        return HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", API_VERSION)
                .header("User-Agent", "flightdeck");
    }

    private static String refusal(RepoRef repo, int status, HttpResponse<String> answer) {
        Optional<String> remaining = answer.headers().firstValue("x-ratelimit-remaining");
        if ((status == 403 || status == 429) && remaining.map("0"::equals).orElse(status == 429)) {
            return "GitHub's rate limit for the token of " + repo.fullName() + " is used up (HTTP " + status + ")";
        }
        return switch (status) {
            case 401 -> "GitHub refused the token for " + repo.fullName() + " (HTTP 401)";
            case 403 -> "the GitHub token may not read " + repo.fullName() + " (HTTP 403)";
            case 404 -> "GitHub has no such repository or ref in " + repo.fullName() + ", or the token cannot see it (HTTP 404)";
            default -> "GitHub answered HTTP " + status + " for " + repo.fullName();
        };
    }

    /** A GitHub call that failed; {@code status} is 0 when GitHub did not answer. */
    public static class GithubFailure extends Exception {
        private final int status;

        public GithubFailure(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
