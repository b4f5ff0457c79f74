package org.atelier.server.social;

import java.util.Locale;

/** How a comment in a thread is shown. */
public enum CommentState {
    /** Shown with its author and text. */
    VISIBLE,
    /** Deleted, kept as a placeholder because it has replies. */
    DELETED,
    /** Its author and the viewer have a block between them: a placeholder, so the thread holds. */
    HIDDEN;

    /** @return the name used in the API */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
