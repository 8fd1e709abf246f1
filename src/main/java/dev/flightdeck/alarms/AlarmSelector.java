package dev.flightdeck.alarms;

import java.util.Map;
import dev.flightdeck.envconfig.EnvTemplates;

/** Which CloudWatch alarms belong to a service: by alarm-name prefix or by tags (all must match). */
public sealed interface AlarmSelector {

    AlarmSelector forEnv(String env);

    record Prefix(String prefix) implements AlarmSelector {
        @Override
        public Prefix forEnv(String env) {
            return new Prefix(EnvTemplates.forEnv(prefix, env));
        }
    }

    record Tags(Map<String, String> tags) implements AlarmSelector {
        public Tags {
            tags = Map.copyOf(tags);
        }

        @Override
        public Tags forEnv(String env) {
            var out = new java.util.LinkedHashMap<String, String>();
            tags.forEach((k, v) -> out.put(k, EnvTemplates.forEnv(v, env)));
            return new Tags(out);
        }
    }
}
