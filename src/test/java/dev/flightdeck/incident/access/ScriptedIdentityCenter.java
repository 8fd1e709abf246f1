package dev.flightdeck.incident.access;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link IdentityCenter} that answers from a script: users by name, and for each call kind a queue of answers
 * (a {@link IdentityCenter.Progress}, or an exception to throw); an empty queue answers SUCCEEDED. Records calls.
 */
final class ScriptedIdentityCenter implements IdentityCenter {

    final Map<String, String> users = new HashMap<>();
    final Deque<Object> creates = new ArrayDeque<>();
    final Deque<Object> creationStatuses = new ArrayDeque<>();
    final Deque<Object> deletes = new ArrayDeque<>();
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<String> userId(String identityStoreId, String name) {
        calls.add("userId " + name);
        return Optional.ofNullable(users.get(name));
    }

    @Override
    public Progress create(Assignment a) {
        calls.add("create " + a.principalId());
        return next(creates, "c-1");
    }

    @Override
    public Progress creationStatus(String instanceArn, String requestId) {
        calls.add("creationStatus " + requestId);
        return next(creationStatuses, requestId);
    }

    @Override
    public Progress delete(Assignment a) {
        calls.add("delete " + a.principalId());
        return next(deletes, "d-1");
    }

    @Override
    public Progress deletionStatus(String instanceArn, String requestId) {
        calls.add("deletionStatus " + requestId);
        return new Progress(Status.SUCCEEDED, Optional.of(requestId), Optional.empty());
    }

    static Progress pending(String requestId) {
        return new Progress(Status.IN_PROGRESS, Optional.of(requestId), Optional.empty());
    }

    static Progress failed(String why) {
        return new Progress(Status.FAILED, Optional.of("r-f"), Optional.of(why));
    }

    private static Progress next(Deque<Object> script, String requestId) {
        Object answer = script.poll();
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        return answer == null ? new Progress(Status.SUCCEEDED, Optional.of(requestId), Optional.empty()) : (Progress) answer;
    }
}
