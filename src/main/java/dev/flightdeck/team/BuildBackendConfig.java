package dev.flightdeck.team;

import dev.flightdeck.envconfig.EnvTemplates;

/**
 * The one build backend a service deploys with. Fields ending in {@code tokenEnv} name an environment variable that
 * holds the credential; the credential itself never appears in the team config.
 */
public sealed interface BuildBackendConfig {

    /** The key the team config uses: jenkins, circleci, github-actions or codebuild. */
    String kind();

    /** A copy with {env} replaced by the environment's name in every field that may hold it. */
    BuildBackendConfig forEnv(String env);

    record Jenkins(String url, String job, String user, String tokenEnv) implements BuildBackendConfig {
        @Override
        public String kind() {
            return "jenkins";
        }

        public String jobFor(String env) {
            return EnvTemplates.forEnv(job, env);
        }

        @Override
        public Jenkins forEnv(String env) {
            return new Jenkins(EnvTemplates.forEnv(url, env), jobFor(env), user, tokenEnv);
        }
    }

    /**
     * project is CircleCI's project slug, e.g. gh/acme/commons or circleci/&lt;org-id&gt;/&lt;project-id&gt;;
     * definitionId, when set, is the pipeline definition to run (orgs on the GitHub App or GitLab integration can only
     * be triggered that way), else null.
     */
    record CircleCi(String project, String tokenEnv, String definitionId) implements BuildBackendConfig {
        public CircleCi(String project, String tokenEnv) {
            this(project, tokenEnv, null);
        }

        @Override
        public String kind() {
            return "circleci";
        }

        @Override
        public CircleCi forEnv(String env) {
            return new CircleCi(EnvTemplates.forEnv(project, env), tokenEnv, definitionId);
        }
    }

    /** repo is owner/name; workflow the workflow file name or id; ref the branch or tag to run on (default main). */
    record GithubActions(String repo, String workflow, String ref, String tokenEnv) implements BuildBackendConfig {
        @Override
        public String kind() {
            return "github-actions";
        }

        @Override
        public GithubActions forEnv(String env) {
            return new GithubActions(repo, EnvTemplates.forEnv(workflow, env), EnvTemplates.forEnv(ref, env), tokenEnv);
        }
    }

    /** Credentials come from the AWS SDK's default chain, so there is no token here. */
    record CodeBuild(String project) implements BuildBackendConfig {
        @Override
        public String kind() {
            return "codebuild";
        }

        public String projectFor(String env) {
            return EnvTemplates.forEnv(project, env);
        }

        @Override
        public CodeBuild forEnv(String env) {
            return new CodeBuild(projectFor(env));
        }
    }
}
