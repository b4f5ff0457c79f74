package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.YOUTUBE;
import static org.atelier.server.plugins.PluginTesting.YOUTUBE_IFRAME;
import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.atelier.server.testplugins.steady.SteadyActivator;
import org.atelier.server.testplugins.throwing.ThrowingActivator;
import org.atelier.server.testplugins.throwing.ThrowingExtension;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a plugin throws while serving a request becomes a clean error for that feature only: a
 * 502 without internals (or with the plugin's own message for users), while other plugins, other
 * routes of the same plugin and the kernel's pages go on answering. An embed provider that throws
 * is skipped, and the next provider still embeds the link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginExceptionIsolationTest {
    private final PluginTesting.Instances instances = new PluginTesting.Instances();

    @AfterAll
    void close() {
        instances.close();
    }

    private PluginTesting.Fixture fixture(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        if (PluginTesting.listed(fixture.admin(), PluginTesting.name("throwing")).isEmpty()) {
            PluginTesting.installActive(fixture.admin(), PluginTesting.bundle("throwing", ThrowingActivator.class));
            PluginTesting.installActive(fixture.admin(), PluginTesting.bundle("steady", SteadyActivator.class));
        }
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void handlerThrowingIsA502ForThatRouteOnly(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = fixture(kind);
        BrowserClient visitor = fixture.visitor();

        HttpResponse<String> page = visitor.get("/x-throw/boom");
        assertStatus(502, page);
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().contains("<nav aria-label=\"Main\""), "an error page in the site's layout: " + page.body());
        assertTrue(page.body().contains("plugin failed"), page.body());
        assertNoInternals(page.body());

        HttpResponse<String> api = visitor.send(HttpRequest.newBuilder(fixture.base().resolve("/x-throw/boom"))
                .header("Accept", "application/json").GET());
        assertStatus(502, api);
        JsonNode error = PluginTesting.json(api);
        assertEquals(502, error.path("status").asInt(), api.body());
        assertTrue(error.path("error").asText().contains("plugin failed"), api.body());
        assertNoInternals(api.body());

        // an Error (not an Exception) is contained just the same
        HttpResponse<String> linkage = visitor.get("/x-throw/error");
        assertStatus(502, linkage);
        assertNoInternals(linkage.body());

        assertEverythingElseAnswers(visitor);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pluginExceptionShowsItsMessageForUsers(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = fixture(kind);
        BrowserClient visitor = fixture.visitor();

        HttpResponse<String> page = visitor.get("/x-throw/sorry");
        assertStatus(502, page);
        assertTrue(page.body().contains(ThrowingExtension.FOR_USERS), page.body());
        assertNoInternals(page.body());

        HttpResponse<String> api = visitor.send(HttpRequest.newBuilder(fixture.base().resolve("/x-throw/sorry"))
                .header("Accept", "application/json").GET());
        assertStatus(502, api);
        assertTrue(PluginTesting.json(api).path("error").asText().contains(ThrowingExtension.FOR_USERS), api.body());
        assertNoInternals(api.body());

        assertEverythingElseAnswers(visitor);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void answersTheKernelCannotRenderAreThePluginsFailureToo(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = fixture(kind);
        BrowserClient visitor = fixture.visitor();
        for (String path : java.util.List.of("/x-throw/null", "/x-throw/no-template", "/x-throw/bad-template",
                "/x-throw/bad-json")) {
            HttpResponse<String> response = visitor.get(path);
            assertEquals(502, response.statusCode(), path + ": " + response.body());
            assertTrue(response.body().contains("plugin"), path + ": " + response.body());
            assertNoInternals(response.body());
        }
        assertEverythingElseAnswers(visitor);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void throwingEmbedProviderIsSkipped(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = fixture(kind);
        BrowserClient visitor = fixture.visitor();
        JsonNode providers = PluginTesting.listed(fixture.admin(), PluginTesting.name("throwing")).orElseThrow();
        assertTrue(providers.path("extensionPoints").toString().contains("EmbedProvider"), providers.toString());

        JsonNode results = PluginTesting.embeds(visitor, YOUTUBE, "https://only-the-broken-one.example/v/1");
        assertEquals(2, results.size(), results.toString());
        assertEquals(YOUTUBE_IFRAME, results.path(0).path("embed").path("iframeSrc").asText(), results.toString());
        assertTrue(results.path(1).path("isLink").asBoolean(), results.toString());
        assertTrue(results.path(1).path("embed").isNull(), results.toString());

        HttpResponse<String> preview = visitor.get("/embeds/preview?url=" + PluginTesting.query(YOUTUBE));
        assertStatus(200, preview);
        assertTrue(preview.body().contains("src=\"" + YOUTUBE_IFRAME + "\""), preview.body());
        HttpResponse<String> plain = visitor.get("/embeds/preview?url="
                + PluginTesting.query("https://only-the-broken-one.example/v/1"));
        assertStatus(200, plain);
        assertTrue(plain.body().contains("href=\"https://only-the-broken-one.example/v/1\""), plain.body());
        assertFalse(plain.body().contains("<iframe"), plain.body());
    }

    private static void assertEverythingElseAnswers(BrowserClient visitor) {
        assertStatus(200, visitor.get("/x-throw/ok"));
        HttpResponse<String> steady = visitor.get("/x-steady/ok");
        assertStatus(200, steady);
        assertEquals("{\"steady\":true}", steady.body());
        assertEquals("yes", steady.headers().firstValue("X-Steady").orElse(""));
        assertTrue(steady.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.contains("stolen")),
                "a plugin cannot set cookies: " + steady.headers().allValues("Set-Cookie"));
        assertTrue(steady.headers().allValues("Content-Security-Policy").stream().noneMatch(c -> c.contains("*")),
                "a plugin cannot loosen the security policy");
        assertStatus(200, visitor.get("/"));
        assertStatus(200, visitor.get("/health"));
        assertStatus(404, visitor.get("/x-throw/nothing-here"));
    }

    private static void assertNoInternals(String body) {
        assertFalse(body.contains(ThrowingExtension.SECRET), "internal detail leaked: " + body);
        assertFalse(body.contains("Exception"), "exception name leaked: " + body);
        assertFalse(body.contains("LinkageError"), "error name leaked: " + body);
        assertFalse(body.contains("\tat ") || body.contains("at org.atelier"), "stack trace leaked: " + body);
        assertFalse(body.contains("org.atelier.test"), "plugin name leaked to visitors: " + body);
    }
}
