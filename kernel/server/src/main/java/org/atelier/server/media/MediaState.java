package org.atelier.server.media;

import java.util.Locale;

/**
 * Where an uploaded image is in its processing, stored lowercase in {@code media.state}.
 *
 * <pre>
 *   upload ──► PROCESSING ──► READY ◄──┐
 *                  │            │      │ re-crop done (or refused: the old crop stays, error set)
 *                  ▼            └──► PROCESSING
 *               FAILED (error set, bytes deleted)
 * </pre>
 */
public enum MediaState {
    /** Accepted by the cheap checks; a {@code media.render} job is making its renditions. */
    PROCESSING,
    /** Its renditions are made and can be served. */
    READY,
    /** Refused while decoding (damaged data, decode time limit): only the row and its error remain. */
    FAILED;

    /**
     * The value in the database and the API.
     *
     * @return the lowercase name
     */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
