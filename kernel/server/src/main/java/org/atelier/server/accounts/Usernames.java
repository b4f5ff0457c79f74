package org.atelier.server.accounts;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for usernames: 3–30 characters of {@code [a-z0-9_]}, not a reserved word. Usernames
 * appear in URLs ({@code /@name}) and in federated handles ({@code @name@host}), so the rules are
 * strict and the reserved list covers routes and roles people could impersonate.
 */
public final class Usernames {
    /** Shortest allowed username. */
    public static final int MIN_LENGTH = 3;
    /** Longest allowed username. */
    public static final int MAX_LENGTH = 30;

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "root", "system", "atelier", "instance", "moderator", "mod", "mods",
            "staff", "support", "help", "security", "abuse", "postmaster", "webmaster", "hostmaster",
            "api", "static", "assets", "media", "setup", "login", "logout", "register", "signup", "signin",
            "settings", "explore", "search", "tags", "tag", "users", "user", "inbox", "outbox", "actor",
            "well_known", "nodeinfo", "health", "metrics", "about", "terms", "privacy", "null", "undefined");

    private Usernames() {
    }

    /**
     * Whether a string can be an existing account's username at all: the characters and length
     * every username has. Lookups use this before asking the database, whose collation may treat
     * {@code ALICE} or a full-width {@code ａlice} as equal to {@code alice} (MariaDB's
     * {@code utf8mb4_unicode_ci} does; H2 does not), so that every database matches exactly.
     *
     * @param username the text looked up
     * @return true when it is spelled like a username
     */
    public static boolean wellFormed(String username) {
        return username != null && username.length() <= MAX_LENGTH && ALLOWED.matcher(username).matches();
    }

    /**
     * Checks a username.
     *
     * @param username the proposed username, as typed
     * @return a message saying what is wrong, or empty when it is fine
     */
    public static Optional<String> problem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("Choose a username.");
        }
        if (username.length() < MIN_LENGTH || username.length() > MAX_LENGTH) {
            return Optional.of("Usernames are " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of("Usernames use only lower-case letters a–z, digits and underscores.");
        }
        if (RESERVED.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("That username is reserved.");
        }
        return Optional.empty();
    }
}
