package org.atelier.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embeds plugin end to end in one JVM: bundled on first start, uninstalled and reinstalled
 * through the admin API while the server runs, and its state kept across restarts — on both
 * databases. What a link becomes is observed through the public embeds API and page.
 */
class EmbedsPluginLifecycleTest {
    private static final String EMBEDS = "org.atelier.plugin.embeds";
    private static final String VIDEO = "/api/v1/embeds?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ";

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void installUninstallReinstallAndRestart(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            instance.createAdmin("owner");
            BrowserClient admin = instance.client();
            TestInstance.signIn(admin, "owner");
            BrowserClient visitor = instance.client();

            // bundled on first start: the link is an embed built on the privacy-enhanced host
            assertEmbedded(visitor);
            String page = visitor.get("/embeds/preview?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ").body();
            assertTrue(page.contains("src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""), page);

            // uninstall at run time: the same link is now a plain link
            HttpResponse<String> uninstalled = admin.raw("DELETE", "/api/v1/admin/plugins/" + EMBEDS, "text/plain", new byte[0]);
            assertEquals(204, uninstalled.statusCode(), uninstalled.body());
            assertPlainLink(visitor);
            page = visitor.get("/embeds/preview?url=https%3A%2F%2Fyoutu.be%2FdQw4w9WgXcQ").body();
            assertTrue(!page.contains("<iframe") && page.contains("href=\"https://youtu.be/dQw4w9WgXcQ\""), page);

            // reinstall from the jar an admin would upload
            byte[] jar = Files.readAllBytes(Path.of(System.getProperty("atelier.bundledPlugins"), "atelier-plugin-embeds.jar"));
            HttpResponse<String> installed = admin.raw("POST", "/api/v1/admin/plugins", "application/java-archive", jar);
            assertEquals(201, installed.statusCode(), installed.body());
            assertTrue(installed.body().contains("\"state\":\"active\""), installed.body());
            assertTrue(installed.body().contains("EmbedProvider"), installed.body());
            assertEmbedded(visitor);

            // stopped survives a restart, and so does started
            assertEquals(200, admin.raw("POST", "/api/v1/admin/plugins/" + EMBEDS + "/stop", "text/plain", new byte[0]).statusCode());
            assertPlainLink(visitor);
            instance.restart();
            visitor = instance.client();
            assertPlainLink(visitor);
            admin = instance.client();
            TestInstance.signIn(admin, "owner");
            assertEquals(200, admin.raw("POST", "/api/v1/admin/plugins/" + EMBEDS + "/start", "text/plain", new byte[0]).statusCode());
            assertEmbedded(visitor);
            instance.restart();
            assertEmbedded(instance.client());
            assertEquals("active", instance.atelier().plugins().find(EMBEDS).orElseThrow().state());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void uninstalledStaysUninstalledAfterRestart(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            instance.atelier().plugins().uninstall(EMBEDS);
            instance.restart();
            assertTrue(instance.atelier().plugins().find(EMBEDS).isEmpty(), "bundled plugins are installed on first start only");
            assertPlainLink(instance.client());
        }
    }

    private static void assertEmbedded(BrowserClient client) {
        HttpResponse<String> response = client.get(VIDEO);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"iframeSrc\":\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\""),
                response.body());
    }

    private static void assertPlainLink(BrowserClient client) {
        HttpResponse<String> response = client.get(VIDEO);
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"isLink\":true,\"embed\":null"), response.body());
    }
}
