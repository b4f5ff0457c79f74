package org.atelier.server.accounts;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may register, an instance setting.
 */
public enum RegistrationMode {
    /** Anyone; the account is active at once. */
    OPEN,
    /** Anyone may apply; an admin approves before the account can sign in. */
    APPROVAL,
    /** Only with an invite code from an admin. */
    INVITE;

    /** The setting's name in the instance settings. */
    public static final String SETTING = "registration.mode";

    /**
     * Parses a setting value.
     *
     * @param value the stored or submitted value
     * @return the mode, if the value names one
     */
    public static Optional<RegistrationMode> parse(String value) {
        for (RegistrationMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /**
     * The lower-case name used in forms and JSON.
     *
     * @return for example {@code approval}
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
