package org.atelier.server.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.atelier.server.http.HttpError;
import org.atelier.server.store.InstanceSettings;

/**
 * The installed themes, each loaded once and kept (with its compiled templates) for the life of
 * the process, and which of them is active. The active theme's name is an instance setting,
 * looked up per page so that a change made on any kernel node shows everywhere; only the name is
 * read, never the templates again. Thread-safe.
 */
public final class Themes {
    /** The instance setting naming the active theme. */
    public static final String SETTING = "theme";

    private final Path directory;
    private final InstanceSettings settings;
    private final Map<String, Theme> loaded = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param directory where admin-installed themes live ({@code <data>/themes})
     * @param settings  the instance settings holding the active theme's name
     */
    public Themes(Path directory, InstanceSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /** @return the active theme's name */
    public String activeName() {
        return settings.get(SETTING).filter(available()::contains).orElse(Theme.DEFAULT);
    }

    /**
     * Makes a theme the active one (the caller checks the actor is an admin).
     *
     * @param name the theme's name
     * @throws HttpError 400 when no such theme is installed
     */
    public void activate(String name) {
        if (name == null || !available().contains(name)) {
            throw new HttpError(400, "No theme \"" + (name == null ? "" : name) + "\" is installed; choose one of "
                    + String.join(", ", available()) + ".");
        }
        settings.put(SETTING, name);
    }

    /**
     * The themes an admin can choose: the bundled default and every directory under
     * {@code <data>/themes} with a valid name.
     *
     * @return the names, sorted, {@code default} first
     */
    public List<String> available() {
        List<String> names = new ArrayList<>();
        names.add(Theme.DEFAULT);
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                        .filter(n -> n.matches(Theme.NAME) && !n.equals(Theme.DEFAULT)).sorted().forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + directory, e);
            }
        }
        return names;
    }

    /**
     * The active theme.
     *
     * @return the theme, loaded on first use
     */
    public Theme active() {
        return loaded.computeIfAbsent(settings.get(SETTING).orElse(Theme.DEFAULT), name -> Theme.load(name, directory));
    }
}
