package org.atelier.server.text;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A mention of an account: {@code @alice} (an account here) or {@code @bob@example.org} (an
 * account elsewhere in the fediverse). Whether the account exists is not checked here.
 *
 * @param username the username as written, without {@code @}
 * @param host     the remote host (lower-cased, possibly with {@code :port}), or empty for a
 *                 local mention
 */
public record Mention(String username, Optional<String> host) implements TextEntity {

    /**
     * Checks the parts.
     *
     * @param username the username as written
     * @param host     the remote host, or empty
     */
    public Mention {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(host, "host");
        if (username.isEmpty()) {
            throw new IllegalArgumentException("empty username");
        }
        host = host.map(h -> h.toLowerCase(Locale.ROOT));
    }

    /**
     * A local mention.
     *
     * @param username the username
     * @return the mention
     */
    public static Mention local(String username) {
        return new Mention(username, Optional.empty());
    }

    /**
     * A remote mention.
     *
     * @param username the username
     * @param host     the host
     * @return the mention
     */
    public static Mention remote(String username, String host) {
        return new Mention(username, Optional.of(host));
    }

    /**
     * Whether the account is on another server.
     *
     * @return true for {@code @user@host}
     */
    public boolean isRemote() {
        return host.isPresent();
    }

    /**
     * The form used for matching: lower-cased {@code user} or {@code user@host}. Mastodon and
     * Atelier treat usernames case-insensitively.
     *
     * @return the key
     */
    public String key() {
        String user = username.toLowerCase(Locale.ROOT);
        return host.map(h -> user + "@" + h).orElse(user);
    }

    /**
     * The profile page on this instance: {@code /@alice} for a local account (local usernames
     * are lower case, so the path is too) and, for now, {@code /@bob@example.org} for a remote
     * one, which the web layer resolves.
     *
     * @return a site-relative path
     */
    public String path() {
        return host.map(h -> "/@" + Paths.encodeSegment(username) + "@" + Paths.encodeSegment(h))
                .orElseGet(() -> "/@" + Paths.encodeSegment(username.toLowerCase(Locale.ROOT)));
    }

    @Override
    public String display() {
        return "@" + username + host.map(h -> "@" + h).orElse("");
    }
}
