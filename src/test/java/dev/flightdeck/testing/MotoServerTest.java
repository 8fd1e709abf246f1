package dev.flightdeck.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterType;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture works through the real AWS SDK and wire protocol. */
class MotoServerTest {
    @RegisterExtension
    static final MotoServer moto = new MotoServer();

    @Test
    void ssmParametersWrittenCanBeReadBackByPath() {
        try (SsmClient ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(moto.region())
                .credentialsProvider(moto.credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            ssm.putParameter(r -> r.name("/commons/prod/QUEUE_URL").value("https://sqs/commons-prod").type(ParameterType.STRING));
            ssm.putParameter(r -> r.name("/commons/prod/DB_PASSWORD").value("s3cret").type(ParameterType.SECURE_STRING));
            ssm.putParameter(r -> r.name("/commons/staging/QUEUE_URL").value("https://sqs/commons-staging").type(ParameterType.STRING));

            var params = ssm.getParametersByPath(r -> r.path("/commons/prod").recursive(true).withDecryption(true)).parameters();

            assertThat(params).extracting(Parameter::name, Parameter::value).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("/commons/prod/QUEUE_URL", "https://sqs/commons-prod"),
                    org.assertj.core.groups.Tuple.tuple("/commons/prod/DB_PASSWORD", "s3cret"));
        }
        assertThat(moto.endpoint().getHost()).isEqualTo("127.0.0.1");
    }
}
