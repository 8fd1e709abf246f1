package dev.flightdeck.incident.paging;

import java.util.List;
import java.util.Optional;

/**
 * Who is on call for a target now (port: PagerDuty's {@code GET /oncalls}, Opsgenie's schedule on-calls, in the
 * {@code pager} adapter). One call per ask; {@link Oncalls} caches the answers.
 */
public interface OncallLookup {

    /** One person on call: their name and e-mail as the pager knows them, and their escalation level (1 first). */
    record OnCall(String name, Optional<String> email, int level) {
    }

    sealed interface Answer {
        record People(List<OnCall> people) implements Answer {
        }

        /** The team file names no way to ask (no REST API key, no schedule). */
        record NotConfigured(String missing) implements Answer {
        }

        /** The pager did not answer or refused; {@code reason} in plain words, never a key. */
        record Failed(String reason) implements Answer {
        }
    }

    Answer onCall(OncallTarget target);
}
