package org.atelier.server.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.atelier.server.http.HttpError;

/**
 * The one-time token that lets the owner create the first admin account: printed to the console
 * at start while no admin exists (or taken from {@code ATELIER_SETUP_TOKEN}), valid until used.
 * There is no default password.
 */
public final class SetupToken {
    private final AtomicReference<String> token;

    /**
     * Creates the holder.
     *
     * @param token the token, or empty when the instance is already set up
     */
    public SetupToken(Optional<String> token) {
        this.token = new AtomicReference<>(token.orElse(null));
    }

    /**
     * Checks an offered token.
     *
     * @param offered the token typed by the owner
     * @throws HttpError 403 when it does not match
     */
    public void check(String offered) {
        String expected = token.get();
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                offered.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new HttpError(403, "That setup token is not right. Use the token printed in the server console.");
        }
    }

    /**
     * The token, while unused.
     *
     * @return the token
     */
    public Optional<String> current() {
        return Optional.ofNullable(token.get());
    }

    /** Forgets the token once the admin exists. */
    public void used() {
        token.set(null);
    }
}
