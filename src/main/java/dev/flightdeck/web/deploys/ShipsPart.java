package dev.flightdeck.web.deploys;

import dev.flightdeck.deploy.ships.ShippedCommit;
import dev.flightdeck.deploy.ships.Ships;
import dev.flightdeck.text.Durations;
import dev.flightdeck.text.Texts;

import java.util.List;
import java.util.Locale;

/**
 * "What ships" on a deploy's page, as text ready to print (the template escapes it for HTML): the same words as the
 * go/no-go message. {@code shown} is false for a service without a repository.
 */
public record ShipsPart(boolean shown, String headline, List<Line> commits, String more, String compareUrl) {

    public record Line(String sha, String url, String firstLine, String author, String pr, String prUrl) {
    }

    public static ShipsPart of(Ships s) {
        if (s instanceof Ships.NotTracked) {
            return new ShipsPart(false, "", List.of(), "", null);
        }
        if (s instanceof Ships.FirstDeploy x) {
            return plain("First deploy of " + x.service() + " to " + x.environment().toUpperCase(Locale.ROOT) + ".");
        }
        if (s instanceof Ships.NothingNew x) {
            return plain("Nothing new since the live version " + x.live() + ".");
        }
        if (s instanceof Ships.Rollback x) {
            return new ShipsPart(true, "Takes away " + Texts.plural(x.takenAway(), "commit", "commits")
                    + " of the live version " + x.live() + ".", List.of(), "", Texts.safeUrl(x.compareUrl()));
        }
        if (s instanceof Ships.Unreadable x) {
            return plain("Could not read what ships: " + x.reason());
        }
        if (s instanceof Ships.TimedOut x) {
            return plain("Could not read what ships: GitHub did not answer within " + (x.waited().toMillis() % 1000 == 0 ? Durations.format(x.waited()) : x.waited().toMillis() + "ms"));
        }
        Ships.Commits x = (Ships.Commits) s;
        String headline = Texts.plural(x.total(), "commit", "commits") + " since the live version " + x.live()
                + (x.takenAway() > 0 ? ", and it lacks " + Texts.plural(x.takenAway(), "commit", "commits") + " of it" : "")
                + ".";
        int more = x.total() - x.shown().size();
        return new ShipsPart(true, headline, x.shown().stream().map(ShipsPart::line).toList(),
                more > 0 ? "…and " + more + " more." : "", Texts.safeUrl(x.compareUrl()));
    }

    private static ShipsPart plain(String headline) {
        return new ShipsPart(true, headline, List.of(), "", null);
    }

    private static Line line(ShippedCommit c) {
        return new Line(c.shortSha(), Texts.safeUrl(c.url()), c.title(), c.author(),
                c.pr() == 0 ? "" : "#" + c.pr(), Texts.safeUrl(c.prUrl()));
    }
}
