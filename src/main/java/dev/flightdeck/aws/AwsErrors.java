package dev.flightdeck.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A short, showable description of an SDK failure, built from the error code and status only: a service's own
 * message text is not repeated, so nothing it might quote can reach Slack or the logs through us.
 */
final class AwsErrors {

    private AwsErrors() {
    }

    static String describe(Throwable e) {
        if (e instanceof AwsNotConfiguredException) {
            return e.getMessage();
        }
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            if (service.isThrottlingException()) {
                // The SDK already retried with backoff (aws.max-attempts); say what helps: waiting.
                return "AWS is throttling Flightdeck's requests (" + (code == null ? "throttled" : code) + ", HTTP "
                        + service.statusCode() + ") and every retry was throttled too; try again in a minute";
            }
            return "AWS answered " + (code == null ? "an error" : code) + " (HTTP " + service.statusCode() + ")";
        }
        if (e instanceof ApiCallTimeoutException) {
            return "AWS did not answer in time";
        }
        if (e instanceof SdkException) {
            return "AWS could not be reached (" + e.getClass().getSimpleName() + ")";
        }
        return e.getClass().getSimpleName();
    }
}
