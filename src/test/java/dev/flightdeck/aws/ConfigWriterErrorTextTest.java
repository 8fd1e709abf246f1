package dev.flightdeck.aws;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.envconfig.change.ConfigTarget;
import dev.flightdeck.envconfig.change.ConfigWriter.Failed;
import dev.flightdeck.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A value AWS quotes back in an error reaches no result, exception message or log line, at DEBUG too. */
class ConfigWriterErrorTextTest {

    static final String SECRET_VALUE = "made-up-Secret-90c2";
    static final Fingerprinter FINGERPRINTS =
            new Fingerprinter("cfgwriter-error-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    static ConfigTarget ssm(String name, String type) {
        return new ConfigTarget("cfgwriter", "prod", name, "/cfgwriter-test/prod/" + name, type);
    }

    static AwsClients stubClients(String endpoint, List<ExecutionInterceptor> interceptors) {
        return new AwsClients(new AwsSettings("us-east-1", endpoint, "testing", "testing", Duration.ofSeconds(20),
                Duration.ofSeconds(10), 3), interceptors);
    }

    /**
     * AWS quotes a refused value in its validation error ("Value '…' at 'value' failed to satisfy constraint: Member
     * must have length less than or equal to 4096"); moto does not check the length, so a loopback stub answers
     * PutParameter the way AWS does, echoing the value it was sent. That text must not travel on.
     */
    @Test
    void aValueAwsEchoesInAnErrorIsInNoResultAndNoLogLine() throws Exception {
        String tooLong = SECRET_VALUE + "x".repeat(5000);
        HttpServer aws = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        aws.createContext("/", ex -> {
            String action = ex.getRequestHeaders().getFirst("X-Amz-Target");
            JsonObject request = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject();
            boolean put = action.endsWith(".PutParameter");
            String body = put
                    ? "{\"__type\":\"ValidationException\",\"message\":\"1 validation error detected: Value '"
                    + request.get("Value").getAsString() + "' at 'value' failed to satisfy constraint: Member must have "
                    + "length less than or equal to 4096\"}"
                    : "{\"Parameters\":[{\"Name\":\"/cfgwriter-test/prod/TOO_LONG\",\"Type\":\"SecureString\","
                    + "\"KeyId\":\"alias/aws/ssm\",\"Version\":1,\"LastModifiedUser\":\"arn:aws:iam::123456789012:user/a\"}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            ex.sendResponseHeaders(put ? 400 : 200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        aws.start();
        String endpoint = "http://127.0.0.1:" + aws.getAddress().getPort();
        // The stub really echoes: without Flightdeck's interceptor the SDK's own exception carries the value.
        try (AwsClients raw = stubClients(endpoint, List.of())) {
            assertThatThrownBy(() -> raw.ssm().putParameter(r -> r.name("/cfgwriter-test/prod/TOO_LONG").value(tooLong)))
                    .isInstanceOf(SdkException.class).hasMessageContaining(SECRET_VALUE);
        }
        // Everything at DEBUG while the write fails: Flightdeck's loggers, the SDK's (its retry strategy logs the
        // exception), and the root.
        List<Logger> loggers = Stream.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "dev.flightdeck", "software.amazon.awssdk")
                .map(n -> (Logger) LoggerFactory.getLogger(n)).toList();
        List<Level> levels = loggers.stream().map(Logger::getLevel).toList();
        loggers.forEach(l -> l.setLevel(Level.DEBUG));
        try (AwsClients stub = stubClients(endpoint, List.of(new AwsErrorText()));
             LogCapture log = LogCapture.root()) {
            var result = new ConfigWriters(stub, () -> FINGERPRINTS)
                    .set(ssm("TOO_LONG", "SecureString"), "1", tooLong, Optional.empty());

            assertThat(result).isEqualTo(new Failed(
                    "SSM parameter /cfgwriter-test/prod/TOO_LONG: AWS answered ValidationException (HTTP 400)"));
            assertThat(result.toString()).doesNotContain(SECRET_VALUE);
            assertThat(log.lines()).as("the SDK logged the failed call at DEBUG").isNotEmpty();
            assertThat(String.join("\n", log.linesWithThrowables())).doesNotContain(SECRET_VALUE);
        } finally {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(levels.get(i));
            }
            aws.stop(0);
        }
    }
}
