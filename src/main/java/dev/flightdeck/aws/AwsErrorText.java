package dev.flightdeck.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes AWS's own message text out of every error response before the SDK reads it. AWS quotes the refused input
 * in validation errors ("Value '…' at 'value' failed to satisfy constraint"), so a too-long secret sent to
 * PutParameter would come back in the exception's message, and the SDK's retry strategy logs that exception at
 * DEBUG before any of our code sees it. The error code and status stay (they are all {@link AwsErrors} shows);
 * only the free text goes. AwsClients adds every ExecutionInterceptor bean to its clients.
 */
@Singleton
public class AwsErrorText implements ExecutionInterceptor {

    static final String WITHHELD = "(AWS's message text is withheld by Flightdeck: it may quote a value)";
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>.*?</Message>", Pattern.DOTALL);

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes executionAttributes) {
        Optional<InputStream> content = context.responseBody();
        if (context.httpResponse().isSuccessful() || content.isEmpty()) {
            return content;
        }
        byte[] body;
        try (InputStream in = content.get()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read AWS's error response", e);
        }
        return Optional.of(new ByteArrayInputStream(withheld(new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8)));
    }

    /** The error body with its message members (JSON protocols) or elements (query/XML protocols) replaced. */
    static String withheld(String body) {
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("{")) {
            try {
                JsonElement parsed = JsonParser.parseString(body);
                if (parsed.isJsonObject()) {
                    JsonObject error = parsed.getAsJsonObject();
                    for (String member : new String[] {"message", "Message", "errorMessage"}) {
                        if (error.has(member)) {
                            error.addProperty(member, WITHHELD);
                        }
                    }
                    return error.toString();
                }
            } catch (RuntimeException notJson) {
                return "{}";
            }
        }
        if (trimmed.startsWith("<")) {
            return XML_MESSAGE.matcher(body).replaceAll(Matcher.quoteReplacement("<Message>" + WITHHELD + "</Message>"));
        }
        return "";
    }
}
