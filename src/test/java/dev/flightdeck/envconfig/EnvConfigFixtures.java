package dev.flightdeck.envconfig;

import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.config.TeamConfigParser;

/** A team config for the env-config unit tests, read from YAML like the real one. */
final class EnvConfigFixtures {
    private EnvConfigFixtures() {
    }

    static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/1234/";

    static TeamConfig team() {
        return TeamConfigParser.parseText("flightdeck.yml", """
                flightdeck:
                  environments:
                    dev: { channel: "#d", approvals: 0 }
                    staging: { channel: "#d", approvals: 0 }
                    prod: { channel: "#d", approvals: 0 }
                  services:
                    commons:
                      build: { codebuild: { project: "c-{env}" } }
                      config:
                        ssm-path: "/commons/{env}/"
                        rules:
                          required: [EMAIL_QUEUE_URL, DATABASE_URL]
                          patterns: { EMAIL_QUEUE_URL: "/commons-{env}-emails$", API_KEY: "^k-" }
                          differ-across-environments: [EMAIL_QUEUE_URL, API_KEY]
                          unique-across-services: [EMAIL_QUEUE_URL]
                    mailer:
                      build: { codebuild: { project: "m-{env}" } }
                      config: { ssm-path: "/mailer/{env}/" }
                    web:
                      build: { codebuild: { project: "w-{env}" } }
                """).orElseThrow();
    }
}
