package dev.flightdeck.build;

import dev.flightdeck.testing.TestSecretsFactory;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Failed builds' logs on a {@link FakeBuildServer}, as strict as the real APIs where it matters: Jenkins'
 * {@code consoleText} and {@code wfapi/describe} need the API token's basic auth (else 401) and a freestyle job has
 * no {@code wfapi} (404); CircleCI's v2 and v1.1 APIs need {@code Circle-Token} (else 401), and a step's
 * {@code output_url} is a signed URL that must come without it.
 */
public final class FakeBuildLogs {

    public static final String JENKINS_AUTH = "Basic " + Base64.getEncoder().encodeToString(("deploy-bot:"
            + TestSecretsFactory.VALUES.get("JENKINS_TOKEN")).getBytes(StandardCharsets.UTF_8));
    public static final String CIRCLE_TOKEN = TestSecretsFactory.VALUES.get("CIRCLE_TOKEN");
    /** Where CircleCI's step output is "stored", on the same loopback server. */
    public static final String CIRCLE_OUTPUT = "/fake-s3/circle-output/";

    private FakeBuildLogs() {
    }

    /**
     * Jenkins build {@code number} of {@code job} (a top-level job) with its console; {@code stages} is the
     * wfapi/describe stage list as {name, status} pairs, or null for a freestyle job.
     */
    public static void jenkins(FakeBuildServer ci, String job, int number, String console, List<String[]> stages) {
        String build = "/job/" + job + "/" + number + "/";
        ci.on("GET " + build + "consoleText", r -> JENKINS_AUTH.equals(r.header("Authorization"))
                ? FakeBuildServer.Answer.of(200, console) : unauthorised());
        ci.on("GET " + build + "wfapi/describe", r -> {
            if (!JENKINS_AUTH.equals(r.header("Authorization"))) {
                return unauthorised();
            }
            if (stages == null) {
                return FakeBuildServer.Answer.of(404, "<html><body>Not Found</body></html>");
            }
            StringBuilder out = new StringBuilder("{\"id\":\"" + number + "\",\"name\":\"#" + number + "\",\"status\":\"FAILED\",\"stages\":[");
            for (int i = 0; i < stages.size(); i++) {
                out.append(i == 0 ? "" : ",").append("{\"id\":\"").append(6 + i).append("\",\"name\":\"")
                        .append(stages.get(i)[0]).append("\",\"status\":\"").append(stages.get(i)[1]).append("\"}");
            }
            return FakeBuildServer.Answer.of(200, out.append("]}").toString());
        });
    }

    private static FakeBuildServer.Answer unauthorised() {
        return new FakeBuildServer.Answer(401, "<html><body>Authentication required</body></html>",
                java.util.Map.of("WWW-Authenticate", "Basic realm=\"Jenkins\""));
    }

    /**
     * CircleCI workflow {@code workflowId} of GitHub project {@code org/repo} whose job {@code jobName}
     * ({@code jobNumber}) failed in step {@code stepName} with {@code output} (API v2 at the root, v1.1 under /api/v1.1).
     */
    public static void circleci(FakeBuildServer ci, String org, String repo, String workflowId, String jobName,
                                int jobNumber, String stepName, String output) {
        // circleci.com/docs/api/v2 #operation/listWorkflowJobs
        ci.on("GET /workflow/" + workflowId + "/job", r -> CIRCLE_TOKEN.equals(r.header("Circle-Token"))
                ? FakeBuildServer.Answer.of(200, "{\"next_page_token\":null,\"items\":[{\"dependencies\":[],"
                        + "\"job_number\":" + (jobNumber - 1) + ",\"id\":\"" + workflowId.substring(0, 8) + "-lint\",\"name\":\"lint\","
                        + "\"project_slug\":\"gh/" + org + "/" + repo + "\",\"status\":\"success\",\"type\":\"build\"},"
                        + "{\"dependencies\":[],\"job_number\":" + jobNumber + ",\"id\":\"" + workflowId.substring(0, 8)
                        + "-job\",\"name\":\"" + jobName + "\",\"project_slug\":\"gh/" + org + "/" + repo
                        + "\",\"status\":\"failed\",\"type\":\"build\"}]}")
                : badToken());
        // circleci.com/docs/api/v1 #single-job: steps[].actions[] with status and output_url
        ci.on("GET /api/v1.1/project/github/" + org + "/" + repo + "/" + jobNumber, r -> CIRCLE_TOKEN.equals(r.header("Circle-Token"))
                ? FakeBuildServer.Answer.of(200, "{\"build_num\":" + jobNumber + ",\"status\":\"failed\",\"steps\":["
                        + "{\"name\":\"Spin up environment\",\"actions\":[{\"name\":\"Spin up environment\",\"status\":\"success\","
                        + "\"index\":0,\"step\":0,\"output_url\":\"" + ci.url() + CIRCLE_OUTPUT + jobNumber + "-0?X-Amz-Signature=fake\"}]},"
                        + "{\"name\":\"" + stepName + "\",\"actions\":[{\"name\":\"" + stepName + "\",\"status\":\"failed\",\"exit_code\":1,"
                        + "\"index\":0,\"step\":101,\"output_url\":\"" + ci.url() + CIRCLE_OUTPUT + jobNumber + "-101?X-Amz-Signature=fake\"}]}]}")
                : badToken());
        ci.on("GET " + CIRCLE_OUTPUT + jobNumber + "-", r -> {
            if (r.header("Circle-Token") != null || r.header("Authorization") != null) {
                return FakeBuildServer.Answer.of(400, "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed"
                        + "</Message></Error>");
            }
            if (r.query() == null || !r.query().contains("X-Amz-Signature=fake")) {
                return FakeBuildServer.Answer.of(403, "<Error><Code>AccessDenied</Code></Error>");
            }
            String text = r.path().endsWith("-101") ? output : "Build-agent version 1.0\n";
            return FakeBuildServer.Answer.of(200, "[{\"type\":\"out\",\"time\":\"2026-12-07T03:10:00.000Z\",\"message\":"
                    + new com.google.gson.Gson().toJson(text) + "}]");
        });
    }

    private static FakeBuildServer.Answer badToken() {
        return FakeBuildServer.Answer.of(401, "{\"message\":\"Invalid token provided.\"}");
    }
}
