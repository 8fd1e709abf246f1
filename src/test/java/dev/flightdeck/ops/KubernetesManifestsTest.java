package dev.flightdeck.ops;

import dev.flightdeck.config.ParseResult;
import dev.flightdeck.config.TeamConfigParser;
import dev.flightdeck.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.flightdeck.ops.DeployFiles.at;
import static dev.flightdeck.ops.DeployFiles.kubernetesObject;
import static org.assertj.core.api.Assertions.assertThat;

/** deploy/kubernetes: parses, and names the port, probes, settings and secrets the service really has. */
class KubernetesManifestsTest {

    // Shapes of real credentials: Slack tokens, AWS access keys, GitHub tokens, private keys, and long random
    // strings (hex, or base64 mixing digits and lowercase; an upper-case REPLACE_WITH_ placeholder is neither).
    private static final List<Pattern> REAL_LOOKING = List.of(
            Pattern.compile("xox[abposre]-\\d"), Pattern.compile("xapp-\\d"), Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{20,}"), Pattern.compile("-----BEGIN"),
            Pattern.compile("[0-9a-fA-F]{24,}"),
            Pattern.compile("(?=[A-Za-z0-9+/=_-]{0,40}\\d)(?=[A-Za-z0-9+/=_-]{0,40}[a-z])[A-Za-z0-9+/=_-]{24,}"));

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyDocumentParsesAndIsAKubernetesObject() {
        List<Path> files = DeployFiles.yamlFiles(DeployFiles.KUBERNETES);
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        List<String> kinds = new ArrayList<>();
        for (Path file : files) {
            for (Map<String, Object> doc : DeployFiles.documents(file)) {
                assertThat(doc).as(file.toString()).containsKeys("apiVersion", "kind", "metadata");
                kinds.add((String) doc.get("kind"));
            }
        }
        assertThat(kinds).contains("Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget");
    }

    @Test
    void theProbesAndPortAreTheOnesTheServiceServes() throws Exception {
        Map<String, Object> container = at(kubernetesObject("Deployment"), "spec", "template", "spec", "containers", 0);
        Map<String, Object> port = at(container, "ports", 0);
        // The image runs Micronaut on its default port: application.yml must not move it.
        assertThat(port.get("containerPort")).isEqualTo(8080);
        Map<String, Object> appYml = new org.yaml.snakeyaml.Yaml().load(DeployFiles.read(Path.of("src/main/resources/application.yml")));
        Object server = ((Map<?, ?>) appYml.get("micronaut")).get("server");
        Object serverPort = server == null ? null : ((Map<?, ?>) server).get("port");
        assertThat(serverPort).isIn(null, 8080);
        assertThat(DeployFiles.read(Path.of("Dockerfile"))).contains("EXPOSE 8080");

        String liveness = at(container, "livenessProbe", "httpGet", "path");
        String readiness = at(container, "readinessProbe", "httpGet", "path");
        assertThat(liveness).isEqualTo("/health/liveness");
        assertThat(readiness).isEqualTo("/health/readiness");
        assertThat((Object) at(container, "livenessProbe", "httpGet", "port")).isEqualTo(port.get("name"));
        assertThat((Object) at(container, "readinessProbe", "httpGet", "port")).isEqualTo(port.get("name"));

        TestApp app = TestApp.shared();
        for (String path : List.of(liveness, readiness)) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app.uri().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
        }

        Map<String, Object> service = kubernetesObject("Service");
        assertThat((Object) at(service, "spec", "ports", 0, "targetPort")).isIn(port.get("name"), 8080);
        Map<String, Object> labels = at(kubernetesObject("Deployment"), "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf(at(service, "spec", "selector"));
        assertThat(labels).containsAllEntriesOf(at(kubernetesObject("PodDisruptionBudget"), "spec", "selector", "matchLabels"));
    }

    @Test
    void twoNonRootReplicasWithAReadOnlyRootAndAWritableTmp() {
        Map<String, Object> deployment = kubernetesObject("Deployment");
        assertThat((Object) at(deployment, "spec", "replicas")).isEqualTo(2);
        Map<String, Object> pod = at(deployment, "spec", "template", "spec");
        assertThat((Object) at(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);
        assertThat((Object) at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
        assertThat(DeployFiles.read(Path.of("Dockerfile"))).contains("--uid 10001").contains("USER 10001");
        Map<String, Object> container = at(pod, "containers", 0);
        assertThat((Object) at(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
        assertThat((Map<String, Object>) at(container, "resources", "requests")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) at(container, "resources", "limits")).containsKey("memory");

        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        String tmpVolume = mounts.stream().filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> (String) m.get("name"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume at /tmp"));
        List<Map<String, Object>> volumes = at(pod, "volumes");
        assertThat(volumes).anySatisfy(v -> {
            assertThat(v.get("name")).isEqualTo(tmpVolume);
            assertThat(v).containsKey("emptyDir");
        });
        assertThat((Object) at(kubernetesObject("PodDisruptionBudget"), "spec", "minAvailable")).isEqualTo(1);
    }

    @Test
    void settingsComeFromTheSecretTheConfigMapAndPlainValuesTheServiceReads() {
        Map<String, Object> pod = at(kubernetesObject("Deployment"), "spec", "template", "spec");
        Map<String, Object> container = at(pod, "containers", 0);
        List<Map<String, Object>> env = at(container, "env");
        Map<String, Map<String, Object>> byName = env.stream().collect(Collectors.toMap(e -> (String) e.get("name"), e -> e));

        Map<String, Object> secret = kubernetesObject("Secret");
        Map<String, Object> secretData = at(secret, "stringData");
        for (String name : List.of("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "DATASOURCES_DEFAULT_URL",
                "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD")) {
            assertThat(byName).containsKey(name);
            assertThat((Object) at(byName.get(name), "valueFrom", "secretKeyRef", "name")).isEqualTo(at(secret, "metadata", "name"));
            assertThat(secretData).containsKey((String) at(byName.get(name), "valueFrom", "secretKeyRef", "key"));
        }
        assertThat(byName.get("FLIGHTDECK_LOG_FORMAT").get("value")).isEqualTo("json");

        // MICRONAUT_CONFIG_FILES names the team file inside the ConfigMap's mount.
        String configFile = (String) byName.get("MICRONAUT_CONFIG_FILES").get("value");
        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        Map<String, Object> configMount = mounts.stream()
                .filter(m -> configFile.startsWith(m.get("mountPath") + "/")).findFirst().orElseThrow();
        List<Map<String, Object>> volumes = at(pod, "volumes");
        Map<String, Object> configVolume = volumes.stream().filter(v -> v.get("name").equals(configMount.get("name")))
                .findFirst().orElseThrow();
        Map<String, Object> configMap = kubernetesObject("ConfigMap");
        assertThat((Object) at(configVolume, "configMap", "name")).isEqualTo(at(configMap, "metadata", "name"));
        String fileName = configFile.substring(((String) configMount.get("mountPath")).length() + 1);
        assertThat((Map<String, Object>) at(configMap, "data")).containsKey(fileName);
    }

    @Test
    void theConfigMapsTeamFileIsAValidTeamConfig() {
        String teamFile = at(kubernetesObject("ConfigMap"), "data", "flightdeck.yml");
        ParseResult result = TeamConfigParser.parseText("configmap.yml#flightdeck.yml", teamFile);
        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        // Every token-env / *-env the team file names must reach the pod, or the backend has no credentials.
        List<Map<String, Object>> env = at(kubernetesObject("Deployment"), "spec", "template", "spec", "containers", 0, "env");
        List<String> envNames = env.stream().map(e -> (String) e.get("name")).toList();
        java.util.regex.Matcher named = Pattern.compile("(?m)-env:\\s*(\\S+)").matcher(teamFile);
        int count = 0;
        while (named.find()) {
            assertThat(envNames).contains(named.group(1));
            count++;
        }
        assertThat(count).isPositive();
    }

    @Test
    void theCredentialShapesCatchTheTestSuitesOwnFakeCredentials() {
        // A check that matches nothing would pass forever; the fakes the suite already uses must be caught.
        for (String fake : List.of(dev.flightdeck.testing.FakeSlack.BOT_TOKEN, dev.flightdeck.testing.FakeSlack.APP_TOKEN,
                TestApp.SIGNING_SECRET)) {
            assertThat(REAL_LOOKING).as(fake.substring(0, 5) + "...").anyMatch(p -> p.matcher(fake).find());
        }
    }

    @Test
    void theSecretTemplateHoldsOnlyPlaceholders() {
        Map<String, Object> data = at(kubernetesObject("Secret"), "stringData");
        assertThat(data).isNotEmpty();
        data.forEach((key, value) -> {
            String text = String.valueOf(value);
            for (Pattern real : REAL_LOOKING) {
                assertThat(real.matcher(text).find()).as(key + " looks like a real credential (" + real + ")").isFalse();
            }
            if (!key.endsWith("_USERNAME")) {
                assertThat(text).as(key).contains("REPLACE_WITH_");
            }
        });
        // Commented-out examples count too: an operator uncomments them.
        String raw = DeployFiles.read(DeployFiles.KUBERNETES.resolve("secret.template.yml"));
        for (Pattern real : REAL_LOOKING.subList(0, 5)) {
            assertThat(real.matcher(raw).find()).as(real.toString()).isFalse();
        }
    }
}
