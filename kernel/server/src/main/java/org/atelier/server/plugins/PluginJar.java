package org.atelier.server.plugins;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.atelier.server.store.Hashes;

/**
 * An uploaded plugin jar, checked before it goes anywhere near the framework: it must be a jar
 * with an OSGi manifest, a plausible symbolic name, and an import of Atelier's plugin API.
 *
 * @param bytes        the jar's bytes
 * @param symbolicName the bundle's symbolic name
 * @param version      the bundle's version
 * @param name         the human name ({@code Bundle-Name}, else the symbolic name)
 * @param description  the description, possibly empty
 * @param sha256       the hex SHA-256 of the bytes
 */
public record PluginJar(byte[] bytes, String symbolicName, String version, String name, String description,
                        String sha256) {

    /** The largest plugin jar accepted. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    private static final Pattern SYMBOLIC_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]{0,199}");
    private static final Pattern API_PACKAGE = Pattern.compile("org\\.atelier\\.plugin\\.api(\\.[a-z][a-z0-9]*)*");
    private static final java.util.Set<String> RESERVED = java.util.Set.of(
            "org.apache.felix.scr", "org.osgi.service.component", "org.osgi.util.promise",
            "org.osgi.util.function", "org.atelier.plugin.api", "system.bundle", "org.apache.felix.framework");

    /**
     * Checks a jar.
     *
     * @param bytes the uploaded bytes
     * @return the checked jar
     * @throws InvalidPluginException with a message fit for the admin
     */
    public static PluginJar inspect(byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidPluginException("the upload is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidPluginException("the jar is larger than " + (MAX_BYTES >> 20) + " MiB");
        }
        Manifest manifest = readManifest(bytes);
        Attributes main = manifest.getMainAttributes();
        if (!"2".equals(trim(main.getValue("Bundle-ManifestVersion")))) {
            throw new InvalidPluginException("the jar is not an OSGi bundle (Bundle-ManifestVersion: 2 is missing)");
        }
        String symbolicName = Optional.ofNullable(main.getValue("Bundle-SymbolicName"))
                .map(v -> v.split(";", 2)[0].trim()).orElse("");
        if (!SYMBOLIC_NAME.matcher(symbolicName).matches()) {
            throw new InvalidPluginException("the bundle's symbolic name is missing or invalid: '" + symbolicName + "'");
        }
        if (RESERVED.contains(symbolicName)) {
            throw new InvalidPluginException("'" + symbolicName + "' is part of the kernel and cannot be installed as a plugin");
        }
        String imports = Optional.ofNullable(main.getValue("Import-Package")).orElse("");
        if (importedPackages(imports).stream().noneMatch(p -> API_PACKAGE.matcher(p).matches())) {
            throw new InvalidPluginException("the bundle does not import Atelier's plugin API "
                    + "(org.atelier.plugin.api…), so it cannot provide any extension point");
        }
        String version = Optional.ofNullable(trim(main.getValue("Bundle-Version"))).filter(v -> !v.isEmpty()).orElse("0.0.0");
        String name = Optional.ofNullable(trim(main.getValue("Bundle-Name"))).filter(v -> !v.isEmpty()).orElse(symbolicName);
        String description = Optional.ofNullable(trim(main.getValue("Bundle-Description"))).orElse("");
        return new PluginJar(bytes, symbolicName, version, name, description, Hashes.sha256(bytes));
    }

    /**
     * Reads the manifest wherever it is in the archive: {@link JarInputStream} only sees one that
     * comes first (as {@code jar} and bnd write it), but zip tools may put it anywhere.
     */
    private static Manifest readManifest(byte[] bytes) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes), false)) {
            Manifest manifest = in.getManifest();
            if (manifest != null) {
                return manifest;
            }
            boolean anyEntry = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                anyEntry = true;
                if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
                    return new Manifest(in);
                }
            }
            if (!anyEntry) {
                throw new InvalidPluginException("the file is not a jar (zip) archive");
            }
            throw new InvalidPluginException("the jar has no manifest, so it is not an OSGi bundle");
        } catch (IOException e) {
            throw new InvalidPluginException("the file is not a readable jar: " + e.getMessage());
        }
    }

    /**
     * The package names an {@code Import-Package} header names: clauses separated by commas,
     * each one or more package names followed by attributes and directives, whose quoted values
     * may themselves contain commas and semicolons.
     *
     * @param header the header value
     * @return the package names, in order
     */
    static List<String> importedPackages(String header) {
        List<String> packages = new ArrayList<>();
        for (String clause : split(header, ',')) {
            for (String part : split(clause, ';')) {
                String item = part.strip();
                if (item.isEmpty() || item.contains("=") || item.contains("\"")) {
                    continue; // an attribute (a=b) or directive (a:=b), not a package name
                }
                packages.add(item);
            }
        }
        return packages;
    }

    /** Splits at a separator outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
