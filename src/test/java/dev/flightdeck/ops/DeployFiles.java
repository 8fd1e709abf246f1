package dev.flightdeck.ops;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The operator-facing files under deploy/, read as an operator's tools would read them. */
final class DeployFiles {

    static final Path KUBERNETES = Path.of("deploy/kubernetes");
    static final Path PROMETHEUS = Path.of("deploy/prometheus");
    static final Path DASHBOARD = Path.of("deploy/grafana/flightdeck.json");
    static final Path RUNBOOK = Path.of("docs/RUNBOOK.md");

    private DeployFiles() {
    }

    /** Every YAML file in a directory, sorted by name. */
    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (possibly multi-document) YAML file; fails on a syntax error or duplicate keys. */
    static List<Map<String, Object>> documents(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(read(file))) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new AssertionError(file + ": a document is not a map: " + doc);
            }
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) doc;
            docs.add(map);
        }
        return docs;
    }

    /** The Kubernetes object of {@code kind} (exactly one across deploy/kubernetes). */
    static Map<String, Object> kubernetesObject(String kind) {
        List<Map<String, Object>> found = yamlFiles(KUBERNETES).stream().flatMap(f -> documents(f).stream())
                .filter(d -> kind.equals(d.get("kind"))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + KUBERNETES + ", found " + found.size());
        }
        return found.get(0);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks nested maps and lists: at(deployment, "spec", "template", "spec", "containers", 0, "ports"). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (step instanceof Integer i) {
                node = ((List<Object>) node).get(i);
            } else {
                node = ((Map<String, Object>) node).get(step);
            }
            if (node == null) {
                throw new AssertionError("nothing at " + List.of(path) + " (missing " + step + ")");
            }
        }
        return (T) node;
    }
}
