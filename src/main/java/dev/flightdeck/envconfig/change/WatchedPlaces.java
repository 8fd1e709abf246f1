package dev.flightdeck.envconfig.change;

import dev.flightdeck.envconfig.EnvConfigSettings;
import dev.flightdeck.team.ServiceConfig;
import dev.flightdeck.team.TeamConfig;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the watch looks: every environment of every service whose team file says {@code config.changes: true}, and
 * which of them a name AWS reports (an SSM parameter, a secret's name or ARN) belongs to. What no changeable service
 * holds maps to nothing and is ignored.
 */
@Singleton
public class WatchedPlaces {

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>}. */
    private static final Pattern SECRET_ARN = Pattern.compile("arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:(.+)");
    private static final Pattern ARN_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    /** A service's configuration in one environment; {@code source} the parameter or secret name, when one. */
    public record Place(String service, String environment, String source) {
    }

    private final TeamConfig team;

    public WatchedPlaces(TeamConfig team) {
        this.team = team;
    }

    /** Every changeable service in every environment, for the scan. */
    public List<Place> all() {
        List<Place> places = new ArrayList<>();
        for (ServiceConfig s : team.services().values()) {
            if (!changeable(s)) {
                continue;
            }
            for (String env : team.environments().keySet()) {
                places.add(new Place(s.name(), env, ""));
            }
        }
        return places;
    }

    /** The services and environments holding what AWS reported changed; empty when none that allows changes. */
    public List<Place> of(OutsideChange change) {
        List<Place> places = new ArrayList<>();
        for (ServiceConfig s : team.services().values()) {
            if (!changeable(s)) {
                continue;
            }
            EnvConfigSettings settings = s.config();
            for (String env : team.environments().keySet()) {
                if (change.store() == OutsideChange.Store.SSM) {
                    settings.ssmPathFor(env).map(WatchedPlaces::asFolder)
                            .filter(path -> change.name().startsWith(path) && change.name().length() > path.length())
                            .ifPresent(path -> places.add(new Place(s.name(), env, change.name())));
                } else {
                    for (String secret : settings.secretsFor(env)) {
                        if (namesSecret(change.name(), secret)) {
                            places.add(new Place(s.name(), env, secret));
                        }
                    }
                }
            }
        }
        return places;
    }

    private static boolean changeable(ServiceConfig s) {
        return s.config().changes() && (s.config().ssmPath().isPresent() || !s.config().secrets().isEmpty());
    }

    private static String asFolder(String path) {
        return path.endsWith("/") ? path : path + "/";
    }

    /** CloudTrail names a secret by the name it was called with, or by its ARN (the name plus a random suffix). */
    static boolean namesSecret(String reported, String secret) {
        if (reported.equals(secret)) {
            return true;
        }
        Matcher arn = SECRET_ARN.matcher(reported);
        if (!arn.matches()) {
            return false;
        }
        String name = arn.group(1);
        return name.equals(secret) || ARN_SUFFIX.matcher(name).replaceFirst("").equals(secret);
    }
}
