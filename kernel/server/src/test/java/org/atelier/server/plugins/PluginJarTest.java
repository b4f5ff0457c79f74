package org.atelier.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.atelier.testrig.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@link PluginJar#inspect} accepts and refuses, and what it reads from a manifest. */
class PluginJarTest {
    private static final String API = "org.atelier.plugin.api.web;version=\"[1.0,2)\"";

    @Test
    void readsTheManifest() {
        Map<String, String> headers = bundleHeaders("org.example.good;singleton:=true", API);
        headers.put("Bundle-Version", " 1.2.3.beta ");
        headers.put("Bundle-Name", "Good plugin");
        headers.put("Bundle-Description", "Does good things");
        byte[] bytes = jar(headers);
        PluginJar jar = PluginJar.inspect(bytes);
        assertEquals("org.example.good", jar.symbolicName(), "directives are not part of the name");
        assertEquals("1.2.3.beta", jar.version());
        assertEquals("Good plugin", jar.name());
        assertEquals("Does good things", jar.description());
        assertEquals(org.atelier.server.store.Hashes.sha256(bytes), jar.sha256());
        assertTrue(jar.sha256().matches("[0-9a-f]{64}"));
    }

    @Test
    void fillsInWhatTheManifestLeavesOut() {
        PluginJar jar = PluginJar.inspect(jar(bundleHeaders("org.example.bare", API)));
        assertEquals("0.0.0", jar.version());
        assertEquals("org.example.bare", jar.name());
        assertEquals("", jar.description());
    }

    @Test
    void acceptsATestBundle() {
        PluginJar jar = PluginJar.inspect(TestBundles.bundle("org.atelier.test.unit").version("3.1.0").build());
        assertEquals("org.atelier.test.unit", jar.symbolicName());
        assertEquals("3.1.0", jar.version());
    }

    @Test
    void findsAManifestThatIsNotTheFirstEntry() throws IOException {
        // zip tools do not always put the manifest first, as JarOutputStream does
        Manifest manifest = manifest(bundleHeaders("org.example.late", API));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("org/example/late/readme.txt"));
            zip.write("first".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            manifest.write(zip);
            zip.closeEntry();
        }
        assertEquals("org.example.late", PluginJar.inspect(out.toByteArray()).symbolicName());
    }

    @Test
    void refusesWhatIsNotABundle() {
        assertRefused(new byte[0], "empty");
        assertRefused(TestBundles.notAJar(), "not a jar");
        assertRefused(TestBundles.jarWithoutManifest(), "no manifest");
        assertRefused(TestBundles.bundle("org.example.plain").notABundle().build(), "Bundle-ManifestVersion");
        Map<String, String> v1 = bundleHeaders("org.example.old", API);
        v1.put("Bundle-ManifestVersion", "1");
        assertRefused(jar(v1), "Bundle-ManifestVersion");
        byte[] truncated = java.util.Arrays.copyOf(TestBundles.bundle("org.example.cut").build(), 40);
        assertThrows(InvalidPluginException.class, () -> PluginJar.inspect(truncated));
    }

    @Test
    void refusesJarsLargerThanTheLimit() {
        byte[] huge = new byte[PluginJar.MAX_BYTES + 1];
        assertRefused(huge, "larger than 64 MiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "../evil", "a/b", ".hidden", "-dash", "white space", "ünicode", "a:b"})
    void refusesInvalidSymbolicNames(String name) {
        assertRefused(jar(bundleHeaders(name, API)), "symbolic name is missing or invalid");
    }

    @Test
    void refusesAMissingSymbolicName() {
        Map<String, String> headers = bundleHeaders("x", API);
        headers.remove("Bundle-SymbolicName");
        assertRefused(jar(headers), "symbolic name is missing or invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.apache.felix.scr", "org.osgi.service.component", "org.atelier.plugin.api",
            "system.bundle", "org.apache.felix.framework"})
    void refusesTheKernelsOwnBundleNames(String name) {
        assertRefused(jar(bundleHeaders(name, API)), "part of the kernel");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "org.atelier.plugin.api",
        "org.atelier.plugin.api.embed",
        "org.atelier.plugin.api.web;version=\"[1.0,2)\"",
        "org.osgi.framework;version=\"[1.8,2)\",org.atelier.plugin.api.detect;version=\"[1.0,2)\"",
        "org.osgi.framework , org.atelier.plugin.api.feed",
        "org.osgi.framework;org.atelier.plugin.api.cloak;version=\"[1.0,2)\"",
        "org.example.x;resolution:=optional;version=\"[1,2)\",  org.atelier.plugin.api.web"})
    void acceptsImportsOfThePluginApi(String imports) {
        assertEquals("org.example.ok", PluginJar.inspect(jar(bundleHeaders("org.example.ok", imports))).symbolicName());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "org.osgi.framework",
        "org.atelier.plugin.apiary",
        "org.atelier.plugin.api_x",
        "org.atelier.plugin.apix.web",
        "com.example.org.atelier.plugin.api",
        "org.example.x;note=\"org.atelier.plugin.api\"",
        "org.example.x;version=\"[1,2)\";note=\"a, org.atelier.plugin.api\""})
    void refusesBundlesThatDoNotImportThePluginApi(String imports) {
        Map<String, String> headers = bundleHeaders("org.example.noapi", imports);
        if (imports.isEmpty()) {
            headers.remove("Import-Package");
        }
        assertRefused(jar(headers), "does not import Atelier's plugin API");
    }

    private static void assertRefused(byte[] bytes, String message) {
        InvalidPluginException e = assertThrows(InvalidPluginException.class, () -> PluginJar.inspect(bytes));
        assertTrue(e.getMessage().contains(message), "expected '" + message + "' in '" + e.getMessage() + "'");
    }

    private static Map<String, String> bundleHeaders(String symbolicName, String imports) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Import-Package", imports);
        return headers;
    }

    private static Manifest manifest(Map<String, String> headers) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        return manifest;
    }

    private static byte[] jar(Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest(headers))) {
            jar.putNextEntry(new ZipEntry("org/example/Some.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
