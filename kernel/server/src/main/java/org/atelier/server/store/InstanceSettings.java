package org.atelier.server.store;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Instance settings that admins change while the server runs (registration mode, …), kept in the
 * {@code instance_settings} table as named strings. Typed accessors live with their features.
 * Thread-safe; every read goes to the database so that all kernel nodes agree.
 */
public final class InstanceSettings {
    private final Jdbi jdbi;

    /**
     * Creates the settings store.
     *
     * @param database the database
     */
    public InstanceSettings(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * Reads a setting.
     *
     * @param name its name
     * @return its value, if set
     */
    public Optional<String> get(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT setting_value FROM instance_settings WHERE setting_name = :name")
                .bind("name", name).mapTo(String.class).findOne());
    }

    /**
     * Writes a setting, replacing any previous value.
     *
     * @param name  its name
     * @param value its value
     */
    public void put(String name, String value) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE instance_settings SET setting_value = :value WHERE setting_name = :name")
                    .bind("name", name).bind("value", value).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO instance_settings (setting_name, setting_value) VALUES (:name, :value)")
                        .bind("name", name).bind("value", value).execute();
            }
        });
    }
}
