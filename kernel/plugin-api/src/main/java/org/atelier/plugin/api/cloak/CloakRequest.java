package org.atelier.plugin.api.cloak;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * One rendition to cloak.
 *
 * <p>The image is the kernel's decoded public rendition (orientation applied, metadata stripped),
 * in sRGB. It belongs to the kernel: read it, and return a new image rather than drawing on it.
 *
 * @param rendition the pixels to cloak
 * @param settings  the artist's choices
 */
public record CloakRequest(BufferedImage rendition, CloakSettings settings) {
    /**
     * Validates the components.
     *
     * @param rendition the pixels to cloak
     * @param settings  the artist's choices
     */
    public CloakRequest {
        Objects.requireNonNull(rendition, "rendition");
        Objects.requireNonNull(settings, "settings");
    }
}
