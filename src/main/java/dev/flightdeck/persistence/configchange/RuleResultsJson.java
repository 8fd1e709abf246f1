package dev.flightdeck.persistence.configchange;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.flightdeck.envconfig.RuleFinding;
import dev.flightdeck.envconfig.RuleResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A change request's rule results as JSON, so its message can be redrawn as it was proposed. Each finding carries
 * a type tag (its record's simple name) beside its fields; the tags are read from {@link RuleFinding}'s permitted
 * records, so a new finding needs no change here. A plain value may appear (as in {@code config check}); a secret's
 * never does: the rules engine sees secrets only as fingerprints.
 */
final class RuleResultsJson {

    private static final Gson GSON = new Gson();
    private static final Map<String, Class<?>> FINDINGS = new HashMap<>();

    static {
        for (Class<?> type : RuleFinding.class.getPermittedSubclasses()) {
            FINDINGS.put(type.getSimpleName(), type);
        }
    }

    private RuleResultsJson() {
    }

    static String encode(List<RuleResult> results) {
        JsonArray array = new JsonArray();
        for (RuleResult r : results) {
            JsonObject o = new JsonObject();
            o.addProperty("rule", r.rule().name());
            o.addProperty("key", r.key());
            o.addProperty("outcome", r.outcome().name());
            JsonObject finding = GSON.toJsonTree(r.finding()).getAsJsonObject();
            finding.addProperty("type", r.finding().getClass().getSimpleName());
            o.add("finding", finding);
            array.add(o);
        }
        return GSON.toJson(array);
    }

    static List<RuleResult> decode(String json) {
        List<RuleResult> results = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            JsonObject finding = o.getAsJsonObject("finding");
            Class<?> type = FINDINGS.get(finding.remove("type").getAsString());
            if (type == null) {
                throw new IllegalStateException("a stored change names a rule finding this version does not know");
            }
            results.add(new RuleResult(RuleResult.Rule.valueOf(o.get("rule").getAsString()),
                    o.get("key").getAsString(), RuleResult.Outcome.valueOf(o.get("outcome").getAsString()),
                    (RuleFinding) GSON.fromJson(finding, type)));
        }
        return results;
    }
}
