package dev.flightdeck.persistence;

import dev.flightdeck.audit.AuditLog;
import dev.flightdeck.audit.AuditPayloadEncoder;
import dev.flightdeck.audit.Auditor;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Wires the plain-Java {@link Auditor} so the audit domain carries no DI annotations. */
@Factory
public class AuditBeans {
    @Singleton
    Auditor auditor(AuditLog log, AuditPayloadEncoder encoder, Clock clock) {
        return new Auditor(log, encoder, clock);
    }
}
