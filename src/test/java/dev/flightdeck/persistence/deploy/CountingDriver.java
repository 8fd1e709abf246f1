package dev.flightdeck.persistence.deploy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * A JDBC driver for H2 URLs that records every statement the application executes (one database round trip each),
 * so a test can count what one user action costs. Set as the pool's driver class (the pool instantiates it; it is not
 * registered with DriverManager, so nothing else goes through it); H2's own driver does the work.
 */
public final class CountingDriver implements Driver {

    private static final Driver H2 = new org.h2.Driver();

    /** One executed statement: the thread that ran it and its SQL. */
    public record Executed(String thread, String sql) {
        /** Whether the SQL names one of these tables (lower case), as a word. */
        public boolean touches(String table) {
            return sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table + "\\b.*");
        }
    }

    private static final List<Executed> EXECUTED = new CopyOnWriteArrayList<>();

    public static List<Executed> executed() {
        return List.copyOf(EXECUTED);
    }

    public static void reset() {
        EXECUTED.clear();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = H2.connect(url, info);
        return wrap(Connection.class, real, connectionHandler(real));
    }

    private static InvocationHandler connectionHandler(Connection real) {
        return (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            String name = method.getName();
            if (result instanceof PreparedStatement ps && (name.equals("prepareStatement") || name.equals("prepareCall"))) {
                String sql = (String) args[0];
                Class<?> type = ps instanceof CallableStatement ? CallableStatement.class : PreparedStatement.class;
                return wrap(type, ps, statementHandler(ps, sql));
            }
            if (result instanceof Statement s && name.equals("createStatement")) {
                return wrap(Statement.class, s, statementHandler(s, null));
            }
            return result;
        };
    }

    private static InvocationHandler statementHandler(Statement real, String preparedSql) {
        return (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
                EXECUTED.add(new Executed(Thread.currentThread().getName(), sql));
            }
            return invoke(real, method, args);
        };
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<?> type, Object real, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type}, handler);
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith("jdbc:h2:");
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
