package dev.flightdeck.envconfig.change;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.Auditor;
import dev.flightdeck.deploy.ApprovalPolicy;
import dev.flightdeck.deploy.EnvironmentConfig;
import dev.flightdeck.envconfig.ConfigReader;
import dev.flightdeck.envconfig.EnvConfigService;
import dev.flightdeck.envconfig.Fingerprinter;
import dev.flightdeck.team.TeamConfig;
import dev.flightdeck.testing.MutableClock;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@link ConfigChanges} and its scheduler as the app builds them (the real store on H2, the real reader on moto, the
 * real approval policy and audit), with {@link FlowFakes} for the four ports other helpers build. Approvers of prod
 * in the example team file: U0LEAD and the group @release-managers, here {@link #RELEASE_MANAGER}.
 */
final class FlowRig {

    static final String LEAD = "U0LEAD";
    static final String RELEASE_MANAGER = "U0RELMGR";
    static final String DEVELOPER = "U0DEVONE";
    static final String NOBODY = "U0NOBODY";

    final ConfigChangeApp app = ConfigChangeApp.shared();
    final FlowFakes.Writer writer = new FlowFakes.Writer();
    final FlowFakes.Pending pending = new FlowFakes.Pending();
    final FlowFakes.History history = new FlowFakes.History();
    final FlowFakes.News news = new FlowFakes.News();
    final MutableClock clock = app.clock;
    final TeamConfig team;
    final ConfigChangeRepository repository = app.bean(ConfigChangeRepository.class);
    final ConfigChanges changes;
    final ConfigChangeScheduler scheduler;

    FlowRig() {
        this(UnaryOperator.identity());
    }

    /** With the team file's environments changed (say, prod needing two goes). */
    FlowRig(UnaryOperator<EnvironmentConfig> environments) {
        TeamConfig base = app.bean(TeamConfig.class);
        Map<String, EnvironmentConfig> envs = new LinkedHashMap<>();
        base.environments().forEach((name, env) -> envs.put(name, environments.apply(env)));
        team = new TeamConfig(envs, base.services(), base.incidents(), base.webhooks(), base.metrics(), base.health(),
                base.people(), base.configWatch());
        ConfigReader reader = app.bean(ConfigReader.class);
        ApprovalPolicy policy = new ApprovalPolicy(handle -> handle.equals("release-managers")
                ? Set.of(RELEASE_MANAGER) : Set.of("U0DEVONE", "U0DEVTWO"));
        Auditor auditor = app.bean(Auditor.class);
        changes = new ConfigChanges(team, reader, new EnvConfigService(team, reader), () -> app.bean(Fingerprinter.class),
                policy, auditor, clock, repository, writer, pending, history, news);
        scheduler = new ConfigChangeScheduler(repository, changes, news, reader, team, auditor, clock);
    }

    String fingerprint(String value) {
        return app.bean(Fingerprinter.class).of(value);
    }

    AuditLog audit() {
        return app.bean(AuditLog.class);
    }

    /** Every column of the change's row, as text: to prove what the database holds. */
    @SuppressWarnings("unchecked")
    String row(long id) {
        JdbcOperations jdbc = app.bean(JdbcOperations.class);
        TransactionOperations<Connection> tx = app.bean(TransactionOperations.class);
        return tx.executeRead(s -> jdbc.execute(c -> {
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT * FROM config_change WHERE id = " + id)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        out.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                    }
                }
            }
            return out.toString();
        }));
    }
}
