package dev.flightdeck.envconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Strings in the team config may contain {@code {env}}, replaced by the environment's name where they are used. */
public final class EnvTemplates {
    public static final String PLACEHOLDER = "{env}";
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_-]*)}");

    private EnvTemplates() {
    }

    public static String forEnv(String template, String env) {
        return template == null ? null : template.replace(PLACEHOLDER, env);
    }

    public static List<String> forEnv(List<String> templates, String env) {
        return templates.stream().map(t -> forEnv(t, env)).toList();
    }

    /** Placeholders other than {env}, e.g. a mistyped {envv}: they would be left in the string as is. */
    public static List<String> unknownPlaceholders(String template) {
        List<String> unknown = new ArrayList<>();
        var m = ANY_PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!m.group().equals(PLACEHOLDER)) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }
}
