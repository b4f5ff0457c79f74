package org.atelier.plugin.api.cloak;

import java.util.Objects;

/**
 * The artist's cloaking choices.
 *
 * @param intensity how strong a perturbation the artist accepts
 * @param quality   how much time to spend for a less visible result
 */
public record CloakSettings(Intensity intensity, Quality quality) {

    /** How strong the perturbation may be; stronger protects more and shows more. */
    public enum Intensity {
        /** Barely visible, weakest protection. */
        LOW,
        /** The default balance. */
        MEDIUM,
        /** Strongest protection, may be visible on flat colour. */
        HIGH
    }

    /** How much effort to spend on hiding the perturbation. */
    public enum Quality {
        /** Fewest optimisation steps. */
        FAST,
        /** The default. */
        BALANCED,
        /** Most steps, least visible. */
        BEST
    }

    /**
     * Validates the components.
     *
     * @param intensity how strong
     * @param quality   how careful
     */
    public CloakSettings {
        Objects.requireNonNull(intensity, "intensity");
        Objects.requireNonNull(quality, "quality");
    }
}
