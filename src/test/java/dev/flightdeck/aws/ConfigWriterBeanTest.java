package dev.flightdeck.aws;

import dev.flightdeck.envconfig.ConfigEntry;
import dev.flightdeck.envconfig.change.ConfigChangeApp;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The ConfigWriter the application injects: the dispatching bean, on the application's own AWS clients. */
class ConfigWriterBeanTest {

    @Test
    void theApplicationsWriterWritesSsmAndSecretsManagerWithAwsMessageTextWithheld() {
        ConfigChangeApp app = ConfigChangeApp.shared();
        ConfigWriter writer = app.bean(ConfigWriter.class);
        assertThat(writer).isInstanceOf(ConfigWriters.class);
        assertThat(app.server.getApplicationContext().getBeansOfType(ExecutionInterceptor.class))
                .anyMatch(AwsErrorText.class::isInstance);

        app.ssm().putParameter(r -> r.name("/cfgwriter-bean-test/prod/URL").value("https://a.example").type(ParameterType.STRING));
        var ssm = new ConfigTarget("mail", "prod", "URL", "/cfgwriter-bean-test/prod/URL", "String");
        assertThat(writer.set(ssm, "1", "https://b.example", Optional.empty())).isEqualTo(new ConfigWriter.Written("2"));
        assertThat(app.ssm().getParameter(r -> r.name("/cfgwriter-bean-test/prod/URL")).parameter().value())
                .isEqualTo("https://b.example");

        app.secretsManager().createSecret(r -> r.name("cfgwriter-bean-test/prod").secretString("{\"KEY\":\"made-up-1\"}"));
        String version = SecretsManagerConfigWriter.shortId(
                app.secretsManager().getSecretValue(r -> r.secretId("cfgwriter-bean-test/prod")).versionId());
        var secret = new ConfigTarget("mail", "prod", "KEY", "cfgwriter-bean-test/prod", ConfigEntry.SECRET_TYPE);
        assertThat(writer.set(secret, version, "made-up-2", Optional.empty())).isInstanceOf(ConfigWriter.Written.class);
        assertThat(app.secretsManager().getSecretValue(r -> r.secretId("cfgwriter-bean-test/prod")).secretString())
                .isEqualTo("{\"KEY\":\"made-up-2\"}");
        assertThat(writer.valueBefore(secret, SecretsManagerConfigWriter.shortId(app.secretsManager()
                .getSecretValue(r -> r.secretId("cfgwriter-bean-test/prod")).versionId()))).contains("made-up-1");
    }
}
