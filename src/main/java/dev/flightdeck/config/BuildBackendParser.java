package dev.flightdeck.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import dev.flightdeck.envconfig.EnvTemplates;
import dev.flightdeck.team.BuildBackendConfig;

/** flightdeck.services.NAME.build: exactly one of jenkins, circleci, github-actions, codebuild. */
final class BuildBackendParser {
    static final List<String> KINDS = List.of("jenkins", "circleci", "github-actions", "codebuild");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private BuildBackendParser() {
    }

    static Optional<BuildBackendConfig> parse(Section service) {
        if (!service.has("build")) {
            service.error("build", "is required: exactly one backend (" + String.join(", ", KINDS) + ")");
            return Optional.empty();
        }
        Optional<Section> maybeBuild = service.section("build");
        if (maybeBuild.isEmpty()) {
            return Optional.empty();
        }
        Section build = maybeBuild.get();
        build.allowOnly(Set.copyOf(KINDS));
        List<String> present = KINDS.stream().filter(k -> build.keys().contains(k)).toList();
        List<BuildBackendConfig> parsed = new ArrayList<>();
        for (String kind : present) {
            build.section(kind).flatMap(b -> backend(kind, b)).ifPresent(parsed::add);
        }
        boolean onlyTypos = present.isEmpty() && !build.keys().isEmpty();
        if (present.size() != 1 && !onlyTypos) {
            String got = present.isEmpty() ? "none" : present.size() + ": " + String.join(", ", present);
            build.error(null, "exactly one backend (" + String.join(", ", KINDS) + "), got " + got);
            return Optional.empty();
        }
        return parsed.size() == 1 && present.size() == 1 ? Optional.of(parsed.get(0)) : Optional.empty();
    }

    private static Optional<BuildBackendConfig> backend(String kind, Section s) {
        int before = s.errors().count();
        BuildBackendConfig config = switch (kind) {
            case "jenkins" -> {
                s.allowOnly(Set.of("url", "job", "user", "token-env"));
                yield new BuildBackendConfig.Jenkins(url(s, "url").orElse(null), template(s, "job", true),
                        s.requiredString("user").orElse(null), envVar(s, "token-env", true).orElse(null));
            }
            case "circleci" -> {
                s.allowOnly(Set.of("project", "token-env", "definition-id"));
                yield new BuildBackendConfig.CircleCi(template(s, "project", true),
                        envVar(s, "token-env", true).orElse(null), definitionId(s));
            }
            case "github-actions" -> {
                s.allowOnly(Set.of("repo", "workflow", "ref", "token-env"));
                Optional<String> repo = s.requiredString("repo");
                if (repo.isPresent() && !GITHUB_REPO.matcher(repo.get()).matches()) {
                    s.error("repo", "must be owner/name, e.g. acme/commons, got \"" + repo.get() + "\"");
                }
                String ref = s.has("ref") ? template(s, "ref", false) : "main";
                yield new BuildBackendConfig.GithubActions(repo.orElse(null), template(s, "workflow", true), ref,
                        envVar(s, "token-env", true).orElse(null));
            }
            default -> {
                s.allowOnly(Set.of("project"));
                yield new BuildBackendConfig.CodeBuild(template(s, "project", true));
            }
        };
        return s.errors().count() > before ? Optional.empty() : Optional.of(config);
    }

    /** CircleCI's pipeline definition id: a UUID, shown in Project Settings > Pipelines. */
    private static String definitionId(Section s) {
        Optional<String> id = s.string("definition-id");
        if (id.isPresent() && !UUID.matcher(id.get().trim()).matches()) {
            s.error("definition-id", "must be the pipeline definition's id from CircleCI's Project Settings > Pipelines,"
                    + " a UUID like 2f7b6e3a-1c4d-4e5f-8a9b-0c1d2e3f4a5b, got \"" + id.get() + "\"");
            return null;
        }
        return id.map(String::trim).orElse(null);
    }

    /** A text value that may contain {env}; a mistyped placeholder would reach the CI system unreplaced. */
    static String template(Section s, String key, boolean required) {
        Optional<String> value = required ? s.requiredString(key) : s.string(key);
        value.ifPresent(v -> checkPlaceholders(s, key, v));
        return value.orElse(null);
    }

    static void checkPlaceholders(Section s, String key, String value) {
        for (String unknown : EnvTemplates.unknownPlaceholders(value)) {
            s.error(key, "unknown placeholder " + unknown + "; only {env} is replaced");
        }
    }

    /** The name of an environment variable. The value is never echoed: a pasted token must not reach a log. */
    static Optional<String> envVar(Section s, String key, boolean required) {
        Optional<String> value = required ? s.requiredString(key) : s.string(key);
        if (value.isPresent() && !ENV_VAR.matcher(value.get()).matches()) {
            s.error(key, "must be the name of the environment variable that holds the secret (letters, digits and _),"
                    + " not the secret itself");
            return Optional.empty();
        }
        return value;
    }

    /** An http(s) URL, which may contain {env}. */
    static Optional<String> url(Section s, String key) {
        Optional<String> value = s.requiredString(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        checkPlaceholders(s, key, value.get());
        if (httpUrl(EnvTemplates.forEnv(value.get(), "env")).isEmpty()) {
            s.error(key, "must be an http:// or https:// URL, got \"" + value.get() + "\"");
            return Optional.empty();
        }
        return value;
    }

    static Optional<URI> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
