package org.atelier.server.store;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;

/**
 * {@code /health} is up only while the database answers a trivial query: a kernel node that
 * lost its database should be taken out of a load balancer's rotation.
 */
public final class DatabaseHealthCheck implements HealthCheck {
    private final Database database;

    /**
     * Creates the check.
     *
     * @param database the database to ask
     */
    public DatabaseHealthCheck(Database database) {
        this.database = database;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        try {
            database.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return HealthCheckResponse.builder().status(true).detail("kind", database.kind().name()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder().status(false).detail("error", e.getClass().getSimpleName()).build();
        }
    }
}
