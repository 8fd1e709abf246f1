package dev.flightdeck.web.errors;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * A 400 for a value that does not convert (e.g. {@code /health/db}) that names the argument, not the Java type it failed
 * to become: Micronaut's own message quoted the class ({@code No enum constant io.micronaut...HealthCheckType.db}).
 */
@Singleton
@Replaces(ConversionErrorHandler.class)
public class PlainConversionErrorHandler extends ConversionErrorHandler {

    public PlainConversionErrorHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected Error error(ConversionErrorException exception) {
        String name = exception.getArgument().getName();
        return new Error() {
            @Override
            public String getMessage() {
                return "The value given for " + name + " is not one this endpoint accepts";
            }

            @Override
            public Optional<String> getPath() {
                return Optional.of("/" + name);
            }
        };
    }
}
