package org.atelier.server.web;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The installed themes, each loaded once and kept (with its compiled templates) for the life of
 * the process, and which of them is active. The active theme's name is an instance setting,
 * looked up per page so that a change made on any kernel node shows everywhere; only the name is
 * read, never the templates again. Thread-safe.
 */
public final class Themes {
    private final Path directory;
    private final Supplier<String> activeName;
    private final Map<String, Theme> loaded = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param directory  where admin-installed themes live ({@code <data>/themes})
     * @param activeName the active theme's name
     */
    public Themes(Path directory, Supplier<String> activeName) {
        this.directory = directory;
        this.activeName = activeName;
    }

    /**
     * The active theme.
     *
     * @return the theme, loaded on first use
     */
    public Theme active() {
        return loaded.computeIfAbsent(activeName.get(), name -> Theme.load(name, directory));
    }
}
