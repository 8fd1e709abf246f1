package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every backend is given for a deploy: service, environment, version, requester and deploy id; {@code branch}
 * when the version is a branch name (an environment with {@code versions: branches}): each backend then builds that
 * branch (Jenkins parameter {@code BRANCH}, CircleCI {@code branch}, GitHub Actions {@code ref}, CodeBuild
 * {@code sourceVersion}).
 */
public record BuildParameters(String service, String environment, String version, String requester, long deployId,
                              java.util.Optional<String> branch) {

    public BuildParameters(String service, String environment, String version, String requester, long deployId) {
        this(service, environment, version, requester, deployId, java.util.Optional.empty());
    }

    public static BuildParameters of(DeployRequest r) {
        return new BuildParameters(r.service(), r.environment(), r.version(), r.requesterId(), r.id());
    }

    /** The request's parameters, building {@code branch} when there is one. */
    public static BuildParameters of(DeployRequest r, java.util.Optional<String> branch) {
        return new BuildParameters(r.service(), r.environment(), r.version(), r.requesterId(), r.id(), branch);
    }

    /** Jenkins job parameters by convention in capitals: SERVICE, ENVIRONMENT, VERSION, REQUESTER, DEPLOY_ID (and BRANCH). */
    public Map<String, String> upperCase() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SERVICE", service);
        m.put("ENVIRONMENT", environment);
        m.put("VERSION", version);
        m.put("REQUESTER", requester);
        m.put("DEPLOY_ID", String.valueOf(deployId));
        branch.ifPresent(b -> m.put("BRANCH", b));
        return m;
    }

    /** Pipeline parameters and workflow inputs: service, environment, version, requester, deploy_id (never the branch). */
    public Map<String, String> lowerCase() {
        Map<String, String> m = new LinkedHashMap<>();
        upperCase().forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        // CircleCI and GitHub refuse parameters and inputs a pipeline does not declare: the branch goes as their
        // own field (CircleCI's branch, GitHub's ref), never as one more parameter.
        m.remove("branch");
        return m;
    }
}
