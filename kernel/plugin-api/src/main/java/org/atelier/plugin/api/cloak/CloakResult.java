package org.atelier.plugin.api.cloak;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * A cloaked rendition and its report.
 *
 * @param cloaked the new image, the same size as the rendition it was made from
 * @param report  what was done
 */
public record CloakResult(BufferedImage cloaked, CloakReport report) {
    /**
     * Validates the components.
     *
     * @param cloaked the new image
     * @param report  what was done
     */
    public CloakResult {
        Objects.requireNonNull(cloaked, "cloaked");
        Objects.requireNonNull(report, "report");
    }
}
