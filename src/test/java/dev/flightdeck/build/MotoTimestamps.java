package dev.flightdeck.build;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only: moto's CodeBuild answers timestamps as ISO-8601 strings where the real service (and so the SDK)
 * uses epoch seconds. Rewrites them in the response body before the SDK parses it; production never sees this.
 * A bean in test apps that set {@value #PROPERTY} (their CodeBuild client takes every interceptor bean).
 */
@Singleton
@Requires(property = MotoTimestamps.PROPERTY, value = "true")
public final class MotoTimestamps implements ExecutionInterceptor {

    public static final String PROPERTY = "flightdeck.test.moto-codebuild-timestamps";

    private static final Pattern ISO = Pattern.compile("\"(startTime|endTime|created|lastModified|currentPhase|phaseStartTime|"
            + "startTime|endTime)\"\\s*:\\s*\"([0-9]{4}-[0-9]{2}-[0-9]{2}T[^\"]+)\"");

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (body.isEmpty() || !context.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("").startsWith("CodeBuild")) {
            return body;
        }
        try {
            String text = new String(body.get().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = ISO.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String iso = m.group(2).replace(" ", "T");
                double epoch = OffsetDateTime.parse(iso.endsWith("Z") || iso.matches(".*[+-][0-9]{2}:[0-9]{2}$") ? iso : iso + "Z")
                        .toInstant().toEpochMilli() / 1000.0;
                m.appendReplacement(out, "\"" + m.group(1) + "\":" + epoch);
            }
            m.appendTail(out);
            return Optional.of(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
