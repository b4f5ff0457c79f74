package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import org.atelier.server.testplugins.hello.HelloActivator;
import org.atelier.server.testplugins.reserved.ReservedActivator;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A web extension's routes and navigation entries appear and disappear with its bundle while the
 * server runs — install, stop, start, update, uninstall — and the kernel guards them: pages in
 * the theme's layout with values escaped, CSRF tokens on state-changing routes, and each route's
 * access level.
 */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class WebExtensionLifecycleTest {
    private static final String HELLO = PluginTesting.name("hello");
    private static final String NAV_LINK = "<a href=\"/x-test/hello\"";
    private final PluginTesting.Instances instances = new PluginTesting.Instances();

    @AfterAll
    void close() {
        instances.close();
    }

    private static byte[] helloV1() {
        return TestBundles.bundle(HELLO).version("1.0.0").activator(HelloActivator.class).build();
    }

    private static byte[] helloV2() {
        return TestBundles.bundle(HELLO).version("2.0.0")
                .activator(org.atelier.server.testplugins.hello2.HelloActivator.class)
                .withPackageOf(org.atelier.server.testplugins.hello.HelloExtension.class).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void routesAndNavigationFollowTheBundle(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        BrowserClient admin = fixture.admin();
        BrowserClient visitor = fixture.visitor();
        assertGone(visitor);

        // install: served at once, inside the theme's layout, with its navigation entry
        JsonNode installed = PluginTesting.installActive(admin, helloV1());
        assertEquals("1.0.0", installed.path("version").asText());
        assertTrue(installed.path("extensionPoints").toString().contains("WebExtension"), installed.toString());
        HttpResponse<String> page = visitor.get("/x-test/hello?who=" + PluginTesting.query("<b>Ada</b>"));
        assertStatus(200, page);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<nav aria-label=\"Main\""), "the theme's layout: " + html);
        assertTrue(html.contains("<title>Hello test"), html);
        assertTrue(html.contains("<p class=\"hello-version\">hello plugin v1</p>"), "the plugin's content: " + html);
        assertTrue(html.contains("Hello, &lt;b&gt;Ada&lt;/b&gt;!"), "values are escaped: " + html);
        assertTrue(html.contains(NAV_LINK + " aria-current=\"page\">Hello test v1</a>"), "its nav entry: " + html);
        assertTrue(html.indexOf(NAV_LINK) < html.indexOf("<main"), "the entry is in the site nav: " + html);
        assertTrue(visitor.get("/").body().contains(NAV_LINK + ">Hello test v1</a>"));
        HttpResponse<String> param = visitor.get("/x-test/hello/ada");
        assertStatus(200, param);
        assertEquals(Map.of("version", "v1", "name", "ada"), PluginTesting.JSON.convertValue(PluginTesting.json(param), Map.class));

        // stop: gone, without a restart
        HttpResponse<String> stopped = PluginTesting.stop(admin, HELLO);
        assertStatus(200, stopped);
        assertEquals("stopped", PluginTesting.json(stopped).path("state").asText());
        assertGone(visitor);

        // start: back
        HttpResponse<String> started = PluginTesting.start(admin, HELLO);
        assertStatus(200, started);
        assertEquals("active", PluginTesting.json(started).path("state").asText());
        assertTrue(visitor.get("/x-test/hello").body().contains("hello plugin v1"));

        // update: the new version answers, its new nav entry replaces the old one
        byte[] v2jar = helloV2();
        HttpResponse<String> updated = PluginTesting.update(admin, HELLO, v2jar);
        assertStatus(200, updated);
        assertEquals("2.0.0", PluginTesting.json(updated).path("version").asText(), updated.body());
        assertEquals("active", PluginTesting.json(updated).path("state").asText(), updated.body());
        String v2 = visitor.get("/x-test/hello").body();
        assertTrue(v2.contains("hello plugin v2") && !v2.contains("hello plugin v1"), v2);
        assertTrue(v2.contains(">Hello test v2</a>") && !v2.contains(">Hello test v1</a>"), v2);
        assertEquals("v2", PluginTesting.json(visitor.get("/x-test/hello/ada")).path("version").asText());

        // an update that cannot run here is refused, and the running version stays
        HttpResponse<String> unresolvable = PluginTesting.update(admin, HELLO, TestBundles.bundle(HELLO).version("3.0.0")
                .activator(HelloActivator.class)
                .imports("org.atelier.plugin.api.web;version=\"[9.0,10)\",org.osgi.framework;version=\"[1.8,2)\"").build());
        assertStatus(400, unresolvable);
        assertTrue(PluginTesting.json(unresolvable).path("error").asText().contains("requirements are not met"),
                unresolvable.body());
        JsonNode afterRefusal = PluginTesting.listed(admin, HELLO).orElseThrow();
        assertEquals("2.0.0", afterRefusal.path("version").asText(), afterRefusal.toString());
        assertEquals("active", afterRefusal.path("state").asText(), afterRefusal.toString());
        assertTrue(visitor.get("/x-test/hello").body().contains("hello plugin v2"));
        assertArrayEquals(v2jar, keptJar(fixture), "the refused jar must not replace the kept one");

        // an update of a stopped plugin keeps it stopped
        assertStatus(200, PluginTesting.stop(admin, HELLO));
        HttpResponse<String> downgraded = PluginTesting.update(admin, HELLO, helloV1());
        assertStatus(200, downgraded);
        assertEquals("stopped", PluginTesting.json(downgraded).path("state").asText(), downgraded.body());
        assertGone(visitor);

        // and a restart keeps it stopped, and shown so
        fixture.instance().restart();
        fixture = instances.reconnect(kind);
        admin = fixture.admin();
        visitor = fixture.visitor();
        JsonNode restarted = PluginTesting.listed(admin, HELLO).orElseThrow();
        assertEquals("stopped", restarted.path("state").asText(), restarted.toString());
        assertEquals("1.0.0", restarted.path("version").asText(), restarted.toString());
        assertGone(visitor);
        assertStatus(200, PluginTesting.start(admin, HELLO));
        assertTrue(visitor.get("/x-test/hello").body().contains("hello plugin v1"));

        // a jar of another plugin is not an update of this one, and changes nothing
        HttpResponse<String> wrong = PluginTesting.update(admin, HELLO, PluginTesting.bundle("other",
                org.atelier.server.testplugins.steady.SteadyActivator.class));
        assertStatus(400, wrong);
        assertTrue(visitor.get("/x-test/hello").body().contains("hello plugin v1"));

        // uninstall: gone
        assertStatus(204, PluginTesting.uninstall(admin, HELLO));
        assertGone(visitor);
        assertStatus(404, PluginTesting.start(admin, HELLO));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void routesUnderTheKernelsPrefixesAndTakenIdsAreRefused(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        BrowserClient admin = fixture.admin();
        BrowserClient visitor = fixture.visitor();

        String reserved = PluginTesting.name("reserved");
        HttpResponse<String> installed = PluginTesting.install(admin, PluginTesting.bundle("reserved", ReservedActivator.class));
        try {
            assertStatus(201, installed);
            JsonNode info = PluginTesting.json(installed);
            assertEquals("failed", info.path("state").asText(), installed.body());
            assertTrue(info.path("error").asText().contains("/admin/x-users is under /admin"), installed.body());
            assertStatus(404, visitor.get("/admin/x-users"));
            assertStatus(404, visitor.get("/x-reserved/ok"));
        } finally {
            assertStatus(204, PluginTesting.uninstall(admin, reserved));
        }

        // a second extension with the id of one already served would share its tables: refused
        String twin = PluginTesting.name("hellotwin");
        PluginTesting.installActive(admin, helloV1());
        try {
            HttpResponse<String> twinInstalled = PluginTesting.install(admin, TestBundles.bundle(twin)
                    .activator(org.atelier.server.testplugins.hello2.HelloActivator.class)
                    .withPackageOf(org.atelier.server.testplugins.hello.HelloExtension.class).build());
            assertStatus(201, twinInstalled);
            JsonNode info = PluginTesting.json(twinInstalled);
            assertEquals("failed", info.path("state").asText(), twinInstalled.body());
            assertTrue(info.path("error").asText().contains("'hello' is already used by " + HELLO), twinInstalled.body());
            assertTrue(visitor.get("/x-test/hello").body().contains("hello plugin v1"));
            assertEquals("active", PluginTesting.listed(admin, HELLO).orElseThrow().path("state").asText());
        } finally {
            assertStatus(204, PluginTesting.uninstall(admin, twin));
            assertStatus(204, PluginTesting.uninstall(admin, HELLO));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void stateChangingRoutesNeedTheCsrfToken(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        PluginTesting.installActive(fixture.admin(), helloV1());
        try {
            BrowserClient visitor = fixture.visitor();
            visitor.get("/"); // gets its CSRF cookie, as a browser would
            assertStatus(403, visitor.postFormRaw("/x-test/hello/echo", Map.of("say", "no token")));
            assertStatus(403, visitor.postFormRaw("/x-test/hello/echo", Map.of("say", "wrong token", "_csrf",
                    fixture.instance().client().csrf())));
            assertStatus(403, visitor.send(HttpRequest.newBuilder(fixture.base().resolve("/x-test/hello/echo"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"say\":\"json without token\"}"))));

            HttpResponse<String> form = visitor.postForm("/x-test/hello/echo", Map.of("say", "hi"));
            assertStatus(200, form);
            assertEquals("hi", PluginTesting.json(form).path("echo").asText());
            HttpResponse<String> json = visitor.json("POST", "/x-test/hello/echo", "{\"say\":\"hi json\"}");
            assertStatus(200, json);
            assertEquals("hi json", PluginTesting.json(json).path("echo").asText());

            BrowserClient admin = fixture.admin();
            assertStatus(403, admin.postFormRaw("/x-test/hello/echo", Map.of("say", "admin, no token")));
            assertStatus(200, admin.postForm("/x-test/hello/echo", Map.of("say", "admin")));
        } finally {
            assertStatus(204, PluginTesting.uninstall(fixture.admin(), HELLO));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void routeAccessIsEnforcedBeforeTheHandlerRuns(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        PluginTesting.installActive(fixture.admin(), helloV1());
        try {
            BrowserClient anonymous = fixture.visitor();
            BrowserClient artist = PluginTesting.artist(fixture.instance(), fixture.admin(),
                    "painter" + kind.name().toLowerCase(Locale.ROOT));
            assertStatus(401, anonymous.get("/x-test/admin-only"));
            HttpResponse<String> forbidden = artist.get("/x-test/admin-only");
            assertStatus(403, forbidden);
            assertFalse(forbidden.body().contains("admin area"), forbidden.body());
            HttpResponse<String> allowed = fixture.admin().get("/x-test/admin-only");
            assertStatus(200, allowed);
            assertEquals("admin area of hello v1 for owner", allowed.body());
        } finally {
            assertStatus(204, PluginTesting.uninstall(fixture.admin(), HELLO));
        }
    }

    private static byte[] keptJar(PluginTesting.Fixture fixture) {
        try {
            return Files.readAllBytes(fixture.instance().dataDir().resolve("plugins").resolve(HELLO + ".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertGone(BrowserClient visitor) {
        assertStatus(404, visitor.get("/x-test/hello"));
        assertStatus(404, visitor.get("/x-test/hello/ada"));
        String home = visitor.get("/").body();
        assertFalse(home.contains(NAV_LINK), "the nav entry should be hidden: " + home);
    }
}
