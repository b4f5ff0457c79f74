package org.atelier.plugin.api.web;

import java.util.Objects;

/**
 * An entry in the site navigation.
 *
 * @param label  the visible label
 * @param path   the path it links to, on this instance
 * @param access who sees it
 * @param order  where it goes; lower comes first (the kernel's own entries use 0–99)
 */
public record NavEntry(String label, String path, Access access, int order) {
    /**
     * Validates the components.
     *
     * @param label  the visible label
     * @param path   the path, starting with {@code /}
     * @param access who sees it
     * @param order  its position
     */
    public NavEntry {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(access, "access");
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("navigation paths stay on this instance: " + path);
        }
    }
}
