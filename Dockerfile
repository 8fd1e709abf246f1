# syntax=docker/dockerfile:1
# Build stage: the Maven Wrapper pins Maven 3.9.x; dependencies are cached in their own layer.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q -DskipTests clean package

# Runtime stage: JRE only, non-root, data directory for the embedded H2 database.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 flightdeck \
 && useradd --system --uid 10001 --gid flightdeck --home-dir /app --shell /usr/sbin/nologin flightdeck \
 && mkdir -p /app/data && chown -R flightdeck:flightdeck /app
WORKDIR /app
COPY --from=build --chown=flightdeck:flightdeck /src/target/flightdeck.jar /app/flightdeck.jar
USER 10001:10001
EXPOSE 8080
# Liveness is shallow: it never fails because Slack, AWS or a build backend is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["java", "-cp", "/app/flightdeck.jar", "dev.flightdeck.HealthProbe", "http://127.0.0.1:8080/health/liveness"]
# The measured settings (docs/PERFORMANCE.md, "Recommended JVM settings"): serial GC, a 128 MB heap that gives memory
# back and a young generation of at most 12 MB, two malloc arenas, freed native memory given back every 5 s. Raise -Xmx for a very large history if the delivery page needs it.
# Fewer wake-ups of an idle replica (round 10, ~45 -> ~5 a second): no perf-data sampler (20 a second; jcmd <pid> still
# works, jps/jstat do not see the process), the VM thread's and the monitor deflater's checks every 10 s instead of
# every 1 s and 0.25 s (diagnostic flags), java.net.http clients' selectors every 60 s instead of 3 s.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-Xms32m", "-Xmx128m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:MaxNewSize=12m", "-XX:TrimNativeHeapInterval=5000", "-XX:-UsePerfData", "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=10000", "-XX:AsyncDeflationInterval=10000", "-Djdk.internal.httpclient.selectorTimeout=60000", "-jar", "/app/flightdeck.jar"]
