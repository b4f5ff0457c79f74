package org.atelier.server.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A theme: Mustache templates and static assets, found either in a directory
 * ({@code <data>/themes/<name>/}) or, for the bundled default theme, on the class path under
 * {@code themes/default/}. Templates are compiled once and cached. Values are HTML-escaped unless
 * a template uses triple braces, which the kernel's templates do only for HTML it produced itself.
 * Thread-safe.
 */
public final class Theme {
    /** The bundled theme every other theme falls back to. */
    public static final String DEFAULT = "default";
    /** What a theme's name may be: it is a directory name. */
    public static final String NAME = "[a-z0-9_-]{1,40}";

    private final String name;
    private final Optional<Path> directory;
    private final Mustache.Compiler compiler;
    private final Map<String, Template> cache = new ConcurrentHashMap<>();
    /** Plugins' template sources, compiled once each, keyed by their text. */
    private final Map<String, Template> sourceCache = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_SOURCES = 256;

    private Theme(String name, Optional<Path> directory) {
        this.name = name;
        this.directory = directory;
        this.compiler = Mustache.compiler().escapeHTML(true).defaultValue("").emptyStringIsFalse(true)
                .withLoader(partial -> new java.io.StringReader(source(partial).orElseThrow(
                        () -> new IllegalArgumentException("no template " + partial + " in theme " + name))));
    }

    /**
     * Loads a theme: from {@code <themesDir>/<name>} when that directory exists, else from the
     * class path.
     *
     * @param name      the theme's name
     * @param themesDir where admin-installed themes live
     * @return the theme
     */
    public static Theme load(String name, Path themesDir) {
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException("invalid theme name " + name);
        }
        Path dir = themesDir.resolve(name);
        return new Theme(name, Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty());
    }

    /** @return the theme's name */
    public String name() {
        return name;
    }

    /**
     * Renders one of the theme's templates.
     *
     * @param template the template's name, without extension
     * @param model    the values
     * @return the HTML
     */
    public String render(String template, Object model) {
        return cache.computeIfAbsent(template, t -> compiler.compile(source(t).orElseThrow(
                () -> new IllegalArgumentException("no template " + t + " in theme " + name)))).execute(model);
    }

    /**
     * Renders a template given as source (a plugin's), with this theme's partials available.
     *
     * @param source the Mustache source
     * @param model  the values
     * @return the HTML
     */
    public String renderSource(String source, Object model) {
        if (sourceCache.size() > MAX_CACHED_SOURCES) {
            sourceCache.clear(); // plugins contribute a handful of templates; this only bounds a misbehaving one
        }
        return sourceCache.computeIfAbsent(source, compiler::compile).execute(model);
    }

    /**
     * A static asset of the theme.
     *
     * @param path the path below {@code static/}
     * @return the bytes, if the theme has it
     */
    public Optional<byte[]> asset(String path) {
        if (path.contains("..") || path.startsWith("/") || !path.matches("[A-Za-z0-9_./-]{1,200}")) {
            return Optional.empty();
        }
        return read("static/" + path);
    }

    private Optional<String> source(String template) {
        if (!template.matches("[a-z0-9_-]{1,60}")) {
            return Optional.empty();
        }
        return read("templates/" + template + ".mustache").map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private Optional<byte[]> read(String relative) {
        try {
            if (directory.isPresent()) {
                Path file = directory.get().resolve(relative).normalize();
                if (file.startsWith(directory.get()) && Files.isRegularFile(file)) {
                    return Optional.of(Files.readAllBytes(file));
                }
            }
            // a theme may replace only some files: what it lacks comes from the bundled default theme,
            // so an admin's theme made for an older kernel keeps working when new pages arrive
            for (String theme : name.equals(DEFAULT) ? List.of(DEFAULT) : List.of(name, DEFAULT)) {
                try (InputStream in = Theme.class.getClassLoader().getResourceAsStream("themes/" + theme + "/" + relative)) {
                    if (in != null) {
                        return Optional.of(in.readAllBytes());
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
