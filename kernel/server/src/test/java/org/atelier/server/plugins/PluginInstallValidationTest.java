package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.EMBEDS;
import static org.atelier.server.plugins.PluginTesting.JAR;
import static org.atelier.server.plugins.PluginTesting.PLUGINS;
import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.atelier.server.testplugins.steady.SteadyActivator;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jars that cannot be plugins here are refused with a message that says why, and refusing one
 * changes nothing: the plugin list and the kept jars are as before. Only admins may touch plugins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginInstallValidationTest {
    private final PluginTesting.Instances instances = new PluginTesting.Instances();

    @AfterAll
    void close() {
        instances.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void invalidJarsAreRefusedWithAClearMessageAndNothingChanges(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        BrowserClient admin = fixture.admin();

        assertRefused(fixture, "empty upload", new byte[0], "the upload is empty");
        assertRefused(fixture, "not a zip", TestBundles.notAJar(), "not a jar");
        assertRefused(fixture, "zip without manifest", TestBundles.jarWithoutManifest(), "no manifest");
        assertRefused(fixture, "plain jar",
                TestBundles.bundle(PluginTesting.name("plainjar")).activator(SteadyActivator.class).notABundle().build(),
                "Bundle-ManifestVersion: 2 is missing");
        assertRefused(fixture, "no plugin API import",
                TestBundles.bundle(PluginTesting.name("noapi")).activator(SteadyActivator.class)
                        .imports("org.osgi.framework;version=\"[1.8,2)\"").build(),
                "does not import Atelier's plugin API");
        assertRefused(fixture, "an API look-alike import",
                TestBundles.bundle(PluginTesting.name("lookalike")).activator(SteadyActivator.class)
                        .imports("org.atelier.plugin.apiary,org.osgi.framework;version=\"[1.8,2)\"").build(),
                "does not import Atelier's plugin API");
        assertRefused(fixture, "a future API version",
                TestBundles.bundle(PluginTesting.name("future")).activator(SteadyActivator.class)
                        .imports("org.atelier.plugin.api.web;version=\"[9.0,10)\",org.osgi.framework;version=\"[1.8,2)\"")
                        .build(),
                "requirements are not met");
        HttpResponse<String> future = PluginTesting.install(admin, TestBundles.bundle(PluginTesting.name("future"))
                .activator(SteadyActivator.class)
                .imports("org.atelier.plugin.api.web;version=\"[9.0,10)\",org.osgi.framework;version=\"[1.8,2)\"").build());
        assertTrue(PluginTesting.json(future).path("error").asText().contains("org.atelier.plugin.api.web"),
                "the message names the missing package: " + future.body());
        assertRefused(fixture, "a kernel bundle's name",
                TestBundles.bundle("org.apache.felix.scr").activator(SteadyActivator.class).build(),
                "part of the kernel");
        assertRefused(fixture, "a name that is a path",
                TestBundles.bundle("../../evil").activator(SteadyActivator.class).build(),
                "symbolic name is missing or invalid");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theSameSymbolicNameTwiceIsRefused(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        BrowserClient admin = fixture.admin();
        String steady = PluginTesting.name("steady");
        PluginTesting.installActive(admin, PluginTesting.bundle("steady", SteadyActivator.class));
        try {
            assertRefused(fixture, "the same plugin again", PluginTesting.bundle("steady", SteadyActivator.class),
                    "already installed");
            assertRefused(fixture, "the same name, another version", TestBundles.bundle(steady).version("2.0.0")
                    .activator(SteadyActivator.class).build(), "already installed");
            assertStatus(200, fixture.visitor().get("/x-steady/ok"));
            assertEquals("active", PluginTesting.listed(admin, steady).orElseThrow().path("state").asText());
        } finally {
            assertStatus(204, PluginTesting.uninstall(admin, steady));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void onlyAdminsMayManagePlugins(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        BrowserClient anonymous = fixture.visitor();
        BrowserClient artist = PluginTesting.artist(fixture.instance(), fixture.admin(),
                "artist" + kind.name().toLowerCase(Locale.ROOT));
        byte[] jar = PluginTesting.bundle("steady", SteadyActivator.class);
        String before = PluginTesting.list(fixture.admin()).toString();

        List<Function<BrowserClient, HttpResponse<String>>> calls = List.of(
                c -> c.get(PLUGINS),
                c -> c.get(PLUGINS + "/" + EMBEDS),
                c -> c.send(HttpRequest.newBuilder(c.base().resolve(PLUGINS)).header("Accept", "application/json").GET()),
                c -> c.raw("POST", PLUGINS, JAR, jar),
                c -> c.raw("PUT", PLUGINS + "/" + EMBEDS, JAR, jar),
                c -> c.raw("POST", PLUGINS + "/" + EMBEDS + "/stop", "text/plain", new byte[0]),
                c -> c.raw("POST", PLUGINS + "/" + EMBEDS + "/start", "text/plain", new byte[0]),
                c -> c.raw("DELETE", PLUGINS + "/" + EMBEDS, "text/plain", new byte[0]));
        for (Function<BrowserClient, HttpResponse<String>> call : calls) {
            assertStatus(401, call.apply(anonymous));
            assertStatus(403, call.apply(artist));
        }
        assertEquals(before, PluginTesting.list(fixture.admin()).toString(), "nothing changed");
        assertEquals(List.of(EMBEDS + ".jar"), PluginTesting.keptJars(fixture.instance()));
    }

    private static void assertRefused(PluginTesting.Fixture fixture, String what, byte[] jar, String message) {
        BrowserClient admin = fixture.admin();
        JsonNode before = PluginTesting.list(admin);
        List<String> jarsBefore = PluginTesting.keptJars(fixture.instance());

        HttpResponse<String> response = PluginTesting.install(admin, jar);
        assertEquals(400, response.statusCode(), what + ": " + response.body());
        String error = PluginTesting.json(response).path("error").asText();
        assertTrue(error.contains(message), what + ": expected '" + message + "' in '" + error + "'");

        assertEquals(before, PluginTesting.list(admin), what + " changed the plugin list");
        assertEquals(jarsBefore, PluginTesting.keptJars(fixture.instance()), what + " left a jar behind");
        assertStatus(200, fixture.visitor().get("/health"));
    }
}
