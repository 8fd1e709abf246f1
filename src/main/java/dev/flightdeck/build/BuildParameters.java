package dev.flightdeck.build;

import dev.flightdeck.deploy.DeployRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/** What every backend is given for a deploy: service, environment, version, requester and deploy id. */
public record BuildParameters(String service, String environment, String version, String requester, long deployId) {

    public static BuildParameters of(DeployRequest r) {
        return new BuildParameters(r.service(), r.environment(), r.version(), r.requesterId(), r.id());
    }

    /** Jenkins job parameters by convention in capitals: SERVICE, ENVIRONMENT, VERSION, REQUESTER, DEPLOY_ID. */
    public Map<String, String> upperCase() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SERVICE", service);
        m.put("ENVIRONMENT", environment);
        m.put("VERSION", version);
        m.put("REQUESTER", requester);
        m.put("DEPLOY_ID", String.valueOf(deployId));
        return m;
    }

    /** Pipeline parameters and workflow inputs: service, environment, version, requester, deploy_id. */
    public Map<String, String> lowerCase() {
        Map<String, String> m = new LinkedHashMap<>();
        upperCase().forEach((k, v) -> m.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return m;
    }
}
