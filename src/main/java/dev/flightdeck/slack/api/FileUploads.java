package dev.flightdeck.slack.api;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts a file into a message's thread the way Slack takes files since {@code files.upload} was retired:
 * {@code files.getUploadURLExternal} (its name and length) gives an id and an upload URL; the bytes are POSTed there;
 * {@code files.completeUploadExternal} (the id and a title, the channel, the thread) shares it. Needs the
 * {@code files:write} scope. The two Web API calls go through {@link SlackGateway} and retry as it does; the POST
 * retries 429 (after Retry-After) and 5xx / I/O errors with the {@link RetryPolicy} backoff, like response URLs.
 * Blocks while it works: call it on a worker thread. Never throws; the upload URL (a capability) is never logged.
 */
@Singleton
public class FileUploads {

    /** What became of an upload. */
    public sealed interface Outcome {
        /** Shared into the thread as file {@code fileId}. */
        record Shared(String fileId) implements Outcome {
        }

        /** Not shared: {@code step} is the method (or the upload URL) that failed, {@code problem} Slack's error or the status. */
        record Failed(String step, String problem) implements Outcome {
        }
    }

    /** The step name of the POST to the upload URL, in {@link Outcome.Failed}. */
    public static final String UPLOAD_STEP = "the upload URL";
    private static final Duration UPLOAD_TIMEOUT = Duration.ofSeconds(30);

    private final SlackGateway gateway;
    private final RetryPolicy policy;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public FileUploads(SlackGateway gateway, RetryPolicy policy) {
        this.gateway = gateway;
        this.policy = policy;
    }

    /** Uploads {@code bytes} as {@code filename} and shares it, titled {@code title}, in the thread of {@code threadTs}. */
    public Outcome intoThread(String channelId, String threadTs, String filename, String title, byte[] bytes) {
        try {
            FilesGetUploadURLExternalResponse url = gateway.call("files.getUploadURLExternal",
                    c -> c.filesGetUploadURLExternal(r -> r.filename(filename).length(bytes.length))).join();
            if (!url.isOk()) {
                return new Outcome.Failed("files.getUploadURLExternal", url.getError());
            }
            String refused = post(url.getUploadUrl(), bytes);
            if (refused != null) {
                return new Outcome.Failed(UPLOAD_STEP, refused);
            }
            FilesCompleteUploadExternalResponse done = gateway.call("files.completeUploadExternal",
                    c -> c.filesCompleteUploadExternal(r -> r
                            .files(List.of(FileDetails.builder().id(url.getFileId()).title(title).build()))
                            .channelId(channelId).threadTs(threadTs))).join();
            return done.isOk() ? new Outcome.Shared(url.getFileId())
                    : new Outcome.Failed("files.completeUploadExternal", done.getError());
        } catch (CompletionException e) {
            if (e.getCause() instanceof SlackCallFailed failed) {
                return new Outcome.Failed(failed.method(), "no answer after " + failed.attempts() + " attempt(s)"
                        + (failed.lastStatus() > 0 ? ", last HTTP " + failed.lastStatus() : ""));
            }
            return new Outcome.Failed("Slack", e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        }
    }

    /** POSTs the bytes to the upload URL; null when Slack took them, else what went wrong. */
    private String post(String uploadUrl, byte[] bytes) {
        URI target;
        try {
            target = URI.create(uploadUrl);
        } catch (IllegalArgumentException | NullPointerException e) {
            return "Slack gave no usable upload URL";
        }
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
            return "Slack gave no usable upload URL";
        }
        HttpRequest request = HttpRequest.newBuilder(target).timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        for (int attempt = 1; ; attempt++) {
            String problem;
            long waitMillis;
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                int status = answer.statusCode();
                if (status >= 200 && status < 300) {
                    return null;
                }
                problem = "HTTP " + status;
                if (status == 429) {
                    waitMillis = policy.retryAfter(answer.headers().firstValue("Retry-After").orElse(null)).toMillis();
                } else if (status >= 500) {
                    waitMillis = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
                } else {
                    return problem;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName();
                waitMillis = policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()).toMillis();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            if (attempt >= policy.maxAttempts()) {
                return problem + " after " + attempt + " attempts";
            }
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
