package dev.flightdeck.persistence;

import java.util.Map;

/** In-memory H2 databases configured as the default file database is (PostgreSQL mode). */
public final class H2Databases {

    private H2Databases() {
    }

    /** DB_CLOSE_DELAY=-1 keeps the database while the JVM lives, so plain JDBC sees what the pool wrote. */
    public static String inMemoryUrl(String name) {
        return "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    }

    public static Map<String, String> micronautProperties(String url) {
        return Map.of(
                "datasources.default.url", url,
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver",
                "datasources.default.dialect", "POSTGRES",
                "micronaut.server.port", "-1");
    }
}
