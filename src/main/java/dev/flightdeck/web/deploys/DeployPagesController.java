package dev.flightdeck.web.deploys;

import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.deploy.DeployRepository;
import dev.flightdeck.deploy.DeployRequest;
import dev.flightdeck.deploy.DeployState;
import dev.flightdeck.deploy.ships.WhatShips;
import dev.flightdeck.people.NameBook;
import dev.flightdeck.people.PersonNames;
import dev.flightdeck.web.DateRange;
import dev.flightdeck.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Deploy history with filters, and one deploy's approvals, checks, overrides, build and timings. */
@Controller("/deploys")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeployPagesController {

    static final int DEFAULT_DAYS = 30;
    /** Rows a page shows, newest first; the "Older" link pages on from the last. */
    static final int PAGE = 100;

    private final DeployRepository deploys;
    private final TeamConfig team;
    private final Clock clock;
    private final PersonNames people;
    private final WhatShips ships;

    public DeployPagesController(DeployRepository deploys, TeamConfig team, Clock clock, PersonNames people,
                                 WhatShips ships) {
        this.ships = ships;
        this.deploys = deploys;
        this.team = team;
        this.clock = clock;
        this.people = people;
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> list(@Nullable @QueryValue String service, @Nullable @QueryValue String environment,
                                @Nullable @QueryValue String outcome, @Nullable @QueryValue String from,
                                @Nullable @QueryValue String to, @Nullable @QueryValue String before) {
        String svc = trim(service);
        String env = trim(environment);
        String out = trim(outcome).toLowerCase(Locale.ROOT);
        List<String> outcomes = Arrays.stream(DeployState.values()).map(DeployState::label).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("service", svc);
        model.put("environment", env);
        model.put("outcome", out);
        model.put("from", trim(from));
        model.put("to", trim(to));
        model.put("services", List.copyOf(team.services().keySet()));
        model.put("environments", List.copyOf(team.environments().keySet()));
        model.put("outcomes", outcomes);
        List<String> problems = new ArrayList<>();
        known("service", svc, team.services().keySet().stream()).ifPresent(problems::add);
        known("environment", env, team.environments().keySet().stream()).ifPresent(problems::add);
        known("outcome", out, outcomes.stream()).ifPresent(problems::add);
        DateRange.Parsed range = DateRange.parse(from, to, DEFAULT_DAYS, clock);
        range.problem().ifPresent(problems::add);
        Paging.Before older = Paging.before(before);
        older.problem().ifPresent(problems::add);
        model.put("problem", problems.isEmpty() ? null : String.join(" ", problems));
        if (!problems.isEmpty()) {
            model.put("rows", List.of());
            model.put("rangeText", "");
            model.put("olderUrl", null);
            model.put("newestUrl", null);
            return HttpResponse.badRequest(new ModelAndView<>("deploys/list", model));
        }
        DateRange r = range.range().orElseThrow();
        DeployRepository.HistoryFilter filter = new DeployRepository.HistoryFilter(Paging.chosen(svc), Paging.chosen(env),
                Arrays.stream(DeployState.values()).filter(st -> st.label().equals(out)).findFirst());
        // One row more than the page shows: whether there is an older page, without counting the period.
        List<DeployRequest> found = deploys.requestedBetween(r.start(), r.end(), filter, older.id(), PAGE + 1);
        List<DeployRequest> shown = found.subList(0, Math.min(PAGE, found.size()));
        NameBook names = people.book(shown.stream().map(DeployRequest::requesterId).toList());
        model.put("rows", shown.stream().map(d -> DeployViews.row(d, names)).toList());
        model.put("rangeText", r.from() + " to " + r.to() + older.text("#"));
        Map<String, String> kept = Paging.kept("service", svc, "environment", env, "outcome", out, "from", trim(from),
                "to", trim(to));
        model.put("olderUrl", found.size() > PAGE ? Paging.url("/deploys", kept, shown.get(PAGE - 1).id()) : null);
        model.put("newestUrl", older.given() ? Paging.url("/deploys", kept, null) : null);
        return HttpResponse.ok(new ModelAndView<>("deploys/list", model));
    }

    @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> show(@PathVariable String id) {
        Optional<DeployRequest> deploy = parse(id).flatMap(deploys::find);
        if (deploy.isEmpty()) {
            return HttpResponse.notFound(new ModelAndView<>("notfound",
                    Map.of("what", "There is no deploy " + id + ".", "back", "/deploys", "backText", "All deploys")));
        }
        DeployRequest d = deploy.get();
        var approvals = deploys.approvals(d.id());
        var checks = deploys.checks(d.id());
        return HttpResponse.ok(new ModelAndView<>("deploys/show", Map.of("page",
                DeployViews.page(d, approvals, checks, DeployViews.names(d, approvals, checks, people)),
                "ships", ShipsPart.of(ships.of(d)))));
    }

    private static Optional<Long> parse(String id) {
        try {
            return Optional.of(Long.parseLong(id.trim().replaceFirst("^#", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> known(String what, String value, Stream<String> names) {
        List<String> all = names.toList();
        if (value.isEmpty() || all.contains(value)) {
            return Optional.empty();
        }
        return Optional.of("There is no " + what + " \"" + value + "\"; choose one of: " + String.join(", ", all) + ".");
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
