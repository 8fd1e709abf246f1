package dev.flightdeck.aws;

/** No region (or similar) so no client could be built; the message says which setting to add. */
public class AwsNotConfiguredException extends RuntimeException {
    public AwsNotConfiguredException(String message, Throwable cause) {
        super(message, cause);
    }
}
