package dev.flightdeck.aws.events;

import java.util.Objects;

/**
 * What Flightdeck does with one kind of EventBridge event, chosen by its {@code detail-type} and {@code source}
 * (issue 17 adds "CloudWatch Alarm State Change" and "CodeBuild Build State Change" as beans of their own). The
 * controller has checked the token and read the envelope; {@link #plan} only reads the event, and the work it
 * returns runs after the event id has been taken, once across replicas.
 */
public interface AwsEventRoute {

    /** The {@code detail-type} this route takes, e.g. {@code Parameter Store Change}. */
    String detailType();

    /** The {@code source} it takes, e.g. {@code aws.ssm}. */
    String source();

    Plan plan(AwsEvent event);

    /**
     * {@code ACCEPTED}: {@code work} is to be done (answered 202 "accepted"); {@code IGNORED}: nothing to do, 202 with
     * {@code text} saying why; {@code INVALID}: the event lacks what its type must carry, 400 with {@code text}.
     * {@code name} is what the event is about (a parameter, a secret), the one thing of the detail that is logged.
     */
    record Plan(Kind kind, String text, String name, Runnable work) {

        public enum Kind { ACCEPTED, IGNORED, INVALID }

        public Plan {
            Objects.requireNonNull(kind, "kind");
            text = text == null ? "" : text;
            name = name == null ? "" : name;
            work = work == null ? () -> { } : work;
        }

        public static Plan accepted(String name, Runnable work) {
            return new Plan(Kind.ACCEPTED, "accepted", name, work);
        }

        public static Plan ignored(String why) {
            return new Plan(Kind.IGNORED, why, "", null);
        }

        public static Plan invalid(String why) {
            return new Plan(Kind.INVALID, why, "", null);
        }
    }
}
