package org.atelier.plugin.api.detect;

/**
 * What can honestly be said about an image's origin.
 */
public enum Verdict {
    /** Provenance or a generator's own traces say the image was made by AI. */
    DECLARED_AI,
    /** Evidence (a match with confirmed AI work, a classifier score) suggests AI. */
    LIKELY_AI,
    /** Provenance says camera capture or human creation. */
    DECLARED_HUMAN,
    /** Nothing conclusive either way. */
    UNKNOWN
}
