package dev.flightdeck.aws.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/aws-events.yml, the CloudFormation a team deploys to wire EventBridge to Flightdeck: parsed as CloudFormation
 * reads it, it has the connection sending the token header from a hidden parameter, the API destination on
 * /hooks/aws/events, the role the rules invoke it with, and a rule for every type the route takes.
 */
class AwsEventsTemplateTest {

    static Map<String, Object> template;
    static Map<String, Object> resources;

    /** CloudFormation's short forms (!Ref, !Sub, !GetAtt) read as their long forms ({Ref: …}, {Fn::Sub: …}). */
    static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String fn : List.of("Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If", "Equals", "Not",
                    "And", "Or", "FindInMap", "ImportValue", "Base64", "Cidr", "GetAZs")) {
                String key = fn.equals("Ref") ? "Ref" : "Fn::" + fn;
                yamlConstructors.put(new Tag("!" + fn), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        Object value = node instanceof ScalarNode s ? constructScalar(s)
                                : node instanceof SequenceNode q ? constructSequence(q) : constructMapping(
                                (org.yaml.snakeyaml.nodes.MappingNode) node);
                        if (fn.equals("GetAtt") && value instanceof String s) {
                            value = List.of(s.split("\\.", 2));
                        }
                        return Map.of(key, value);
                    }
                });
            }
        }
    }

    @BeforeAll
    static void parse() throws IOException {
        template = new Yaml(new CloudFormationConstructor()).load(Files.readString(Path.of("docs/aws-events.yml")));
        resources = map(template, "Resources");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        assertThat(m).containsKey(key);
        return (Map<String, Object>) m.get(key);
    }

    static List<Map<String, Object>> ofType(String type) {
        return resources.values().stream().map(r -> {
            @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) r;
            return m;
        }).filter(r -> type.equals(r.get("Type"))).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Map<String, Object> m, String key) {
        return (List<String>) m.get(key);
    }

    static String nameOf(String type) {
        return resources.entrySet().stream().filter(e -> type.equals(((Map<?, ?>) e.getValue()).get("Type")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @Test
    void theConnectionSendsTheTokenHeaderFromAHiddenParameter() {
        assertThat(ofType("AWS::Events::Connection")).singleElement().satisfies(c -> {
            Map<String, Object> p = map(c, "Properties");
            assertThat(p).containsEntry("AuthorizationType", "API_KEY");
            Map<String, Object> key = map(map(p, "AuthParameters"), "ApiKeyAuthParameters");
            assertThat(key).containsEntry("ApiKeyName", AwsEventsToken.HEADER);
            assertThat(key.get("ApiKeyValue")).isEqualTo(Map.of("Ref", "EventsToken"));
        });
        assertThat(map(map(template, "Parameters"), "EventsToken")).containsEntry("NoEcho", true);
    }

    @Test
    void theDestinationPostsToTheEventsRouteThroughTheConnection() {
        assertThat(ofType("AWS::Events::ApiDestination")).singleElement().satisfies(d -> {
            Map<String, Object> p = map(d, "Properties");
            assertThat(p).containsEntry("HttpMethod", "POST");
            assertThat(p.get("InvocationEndpoint")).isEqualTo(Map.of("Fn::Sub", "${FlightdeckUrl}/hooks/aws/events"));
            assertThat(p.get("ConnectionArn")).isEqualTo(
                    Map.of("Fn::GetAtt", List.of(nameOf("AWS::Events::Connection"), "Arn")));
        });
    }

    @Test
    void everyRuleInvokesTheDestinationWithTheRoleAllowedToInvokeIt() {
        String destination = nameOf("AWS::Events::ApiDestination");
        String role = nameOf("AWS::IAM::Role");
        List<Map<String, Object>> rules = ofType("AWS::Events::Rule");
        assertThat(rules).hasSize(5);
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> targets = (List<Map<String, Object>>) map(rule, "Properties").get("Targets");
            assertThat(targets).singleElement().satisfies(t -> {
                assertThat(t.get("Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of(destination, "Arn")));
                assertThat(t.get("RoleArn")).isEqualTo(Map.of("Fn::GetAtt", List.of(role, "Arn")));
            });
        }
        String policy = ofType("AWS::IAM::Role").get(0).toString();
        assertThat(policy).contains("events:InvokeApiDestination", "events.amazonaws.com", destination);
    }

    @Test
    void everyTypeTheRouteTakesIsInARulesPattern() {
        List<Map<String, Object>> patterns = ofType("AWS::Events::Rule").stream()
                .map(r -> map(map(r, "Properties"), "EventPattern")).toList();
        List<AwsEventRoute> routes = List.of(new ParameterStoreChangeRoute(null, null), new SecretsManagerWriteRoute(null, null),
                new CodeBuildStateRoute(null));
        for (AwsEventRoute route : routes) {
            assertThat(patterns).as(route.detailType()).anySatisfy(p -> {
                assertThat(strings(p, "detail-type")).contains(route.detailType());
                assertThat(strings(p, "source")).contains(route.source());
            });
        }
        // The types issue 17's routes will take are wired already.
        assertThat(patterns).anySatisfy(p -> assertThat(strings(p, "detail-type")).contains("CloudWatch Alarm State Change"));
        // The CloudTrail rule sends exactly the Secrets Manager writes the route takes.
        assertThat(patterns).anySatisfy(p -> {
            Map<String, Object> detail = map(p, "detail");
            assertThat(strings(detail, "eventSource")).containsExactly(SecretsManagerWriteRoute.EVENT_SOURCE);
            assertThat(strings(detail, "eventName")).containsExactlyInAnyOrderElementsOf(SecretsManagerWriteRoute.WRITES);
        });
    }

    @Test
    void theCheckRuleTakesTheRunbooksTestEventWhichNoRouteTakes() throws IOException {
        Map<String, Object> pattern = map(map(map(resources, "CheckRule"), "Properties"), "EventPattern");
        assertThat(strings(pattern, "source")).containsExactly("flightdeck.check");
        assertThat(strings(pattern, "detail-type")).containsExactly("Flightdeck Check");
        // The runbook's put-events sends exactly that, and Flightdeck answers it "ignored", changing nothing.
        assertThat(Files.readString(Path.of("docs/RUNBOOK.md")))
                .contains("\"Source\":\"flightdeck.check\",\"DetailType\":\"Flightdeck Check\"");
        assertThat(List.of(new ParameterStoreChangeRoute(null, null), new SecretsManagerWriteRoute(null, null),
                new CodeBuildStateRoute(null))).noneMatch(r -> r.source().equals("flightdeck.check"));
        assertThat(map(template, "Outputs")).containsKey("CheckRuleName");
    }
}
