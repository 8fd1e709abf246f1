package dev.flightdeck.deploy.ships;

import dev.flightdeck.team.RepoRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link CodeHistory} in memory: comparisons by "base...head", a failure to answer with, a gate to hold answers. */
final class FakeCodeHistory implements CodeHistory {

    static final String WEB = "https://git.example.com/acme/commons";

    final Map<String, Comparison> answers = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    volatile String failure;
    volatile CountDownLatch hold;

    FakeCodeHistory with(String base, String head, List<Commit> commits) {
        answers.put(base + "..." + head, new Comparison(commits.size(), 0, commits, WEB, WEB + "/compare/" + base + "..." + head));
        return this;
    }

    static List<Commit> commits(int n) {
        List<Commit> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new Commit(String.format("%040x", i), "Change number " + i + " (#" + (100 + i) + ")\n\nbody",
                    "dev" + i, "Dev " + i, WEB + "/commit/" + i));
        }
        return out;
    }

    @Override
    public Comparison compare(RepoRef repo, String base, String head) throws Unreadable {
        calls.incrementAndGet();
        CountDownLatch gate = hold;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw new Unreadable(failure);
        }
        Comparison c = answers.get(base + "..." + head);
        if (c == null) {
            throw new Unreadable("no such ref in " + repo.fullName());
        }
        return c;
    }
}
