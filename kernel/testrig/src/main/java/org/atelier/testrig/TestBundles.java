package org.atelier.testrig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds real OSGi bundles at test time from compiled test classes, so that plugin-host tests can
 * install plugins that misbehave on purpose (throw at start, throw or hang in a call) without a
 * Maven module per misbehaviour. A bundle gets every class of the given packages (nested classes
 * included), a {@code Bundle-Activator}, and imports of the plugin API and
 * {@code org.osgi.framework}.
 */
public final class TestBundles {
    private TestBundles() {
    }

    /** A bundle being described. */
    public static final class Spec {
        private final String symbolicName;
        private String version = "1.0.0";
        private String name;
        private String activator;
        private final List<Class<?>> packages = new ArrayList<>();
        private String imports = "org.atelier.plugin.api;version=\"[1.0,2)\","
                + "org.atelier.plugin.api.detect;version=\"[1.0,2)\","
                + "org.atelier.plugin.api.embed;version=\"[1.0,2)\","
                + "org.atelier.plugin.api.feed;version=\"[1.0,2)\","
                + "org.atelier.plugin.api.web;version=\"[1.0,2)\","
                + "org.osgi.framework;version=\"[1.8,2)\"";
        private boolean manifestVersion = true;

        private Spec(String symbolicName) {
            this.symbolicName = symbolicName;
            this.name = symbolicName;
        }

        /**
         * Sets the bundle version.
         *
         * @param v the version
         * @return this spec
         */
        public Spec version(String v) {
            this.version = v;
            return this;
        }

        /**
         * Sets the human name.
         *
         * @param n the name
         * @return this spec
         */
        public Spec name(String n) {
            this.name = n;
            return this;
        }

        /**
         * Sets the activator and includes its package.
         *
         * @param type the activator class
         * @return this spec
         */
        public Spec activator(Class<?> type) {
            this.activator = type.getName();
            return withPackageOf(type);
        }

        /**
         * Includes every class of a class's package.
         *
         * @param type a class of the package
         * @return this spec
         */
        public Spec withPackageOf(Class<?> type) {
            packages.add(type);
            return this;
        }

        /**
         * Replaces the Import-Package header.
         *
         * @param header the header value
         * @return this spec
         */
        public Spec imports(String header) {
            this.imports = header;
            return this;
        }

        /**
         * Leaves out {@code Bundle-ManifestVersion}, making the jar a plain jar.
         *
         * @return this spec
         */
        public Spec notABundle() {
            this.manifestVersion = false;
            return this;
        }

        /**
         * Writes the jar.
         *
         * @return its bytes
         */
        public byte[] build() {
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (manifestVersion) {
                main.putValue("Bundle-ManifestVersion", "2");
            }
            main.putValue("Bundle-SymbolicName", symbolicName);
            main.putValue("Bundle-Version", version);
            main.putValue("Bundle-Name", name);
            if (imports != null && !imports.isEmpty()) {
                main.putValue("Import-Package", imports);
            }
            if (activator != null) {
                main.putValue("Bundle-Activator", activator);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
                for (Class<?> type : packages) {
                    addPackage(jar, type);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }

    /**
     * Starts describing a bundle.
     *
     * @param symbolicName its symbolic name
     * @return the spec
     */
    public static Spec bundle(String symbolicName) {
        return new Spec(symbolicName);
    }

    /**
     * Bytes that are not a zip at all.
     *
     * @return the bytes
     */
    public static byte[] notAJar() {
        return "this is not a jar, it only claims to be one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A zip with no manifest.
     *
     * @return the bytes
     */
    public static byte[] jarWithoutManifest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("hello.txt"));
            zip.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void addPackage(JarOutputStream jar, Class<?> type) throws IOException {
        String packagePath = type.getPackageName().replace('.', '/');
        Path root;
        try {
            root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path dir = root.resolve(packagePath);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                jar.putNextEntry(new JarEntry(packagePath + "/" + file.getFileName()));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
    }
}
