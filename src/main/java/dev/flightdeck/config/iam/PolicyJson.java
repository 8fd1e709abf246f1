package dev.flightdeck.config.iam;

import dev.flightdeck.text.JsonStrings;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes an IAM policy document; small enough not to need a JSON library in the config package. */
final class PolicyJson {

    private PolicyJson() {
    }

    static String write(List<IamPolicy.Statement> statements) {
        String body = statements.stream().map(PolicyJson::statement).collect(Collectors.joining(",\n"));
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n" + body + "\n  ]\n}\n";
    }

    private static String statement(IamPolicy.Statement s) {
        StringBuilder out = new StringBuilder("    {\n");
        out.append("      \"Sid\": ").append(string(s.sid())).append(",\n");
        out.append("      \"Effect\": \"Allow\",\n");
        out.append("      \"Action\": ").append(strings(s.actions())).append(",\n");
        out.append("      \"Resource\": ").append(strings(s.resources()));
        if (!s.condition().isEmpty()) {
            out.append(",\n      \"Condition\": {");
            out.append(s.condition().entrySet().stream().map(op -> string(op.getKey()) + ": {"
                    + op.getValue().entrySet().stream().map(PolicyJson::conditionKey).collect(Collectors.joining(", "))
                    + "}").collect(Collectors.joining(", ")));
            out.append("}");
        }
        return out.append("\n    }").toString();
    }

    private static String conditionKey(Map.Entry<String, List<String>> e) {
        return string(e.getKey()) + ": " + strings(e.getValue());
    }

    private static String strings(List<String> values) {
        return "[" + values.stream().map(PolicyJson::string).collect(Collectors.joining(", ")) + "]";
    }

    private static String string(String s) {
        return JsonStrings.quote(s);
    }
}
