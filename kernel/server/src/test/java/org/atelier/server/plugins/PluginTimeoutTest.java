package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.YOUTUBE;
import static org.atelier.server.plugins.PluginTesting.YOUTUBE_IFRAME;
import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.atelier.server.testplugins.hanging.HangingActivator;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Plugin calls that hang (and shrug off interrupts) are cut off by the kernel's timeout: the
 * request that made them answers 504 soon after the timeout, and nothing else waits for them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginTimeoutTest {
    private static final long TIMEOUT_MS = 2_000;
    private final PluginTesting.Instances instances = new PluginTesting.Instances(
            kind -> org.atelier.server.testing.TestInstance.start(kind, URI.create("http://localhost"), TIMEOUT_MS));

    @AfterAll
    void close() {
        instances.close();
    }

    private PluginTesting.Fixture fixture(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = instances.get(kind);
        if (PluginTesting.listed(fixture.admin(), PluginTesting.name("hanging")).isEmpty()) {
            PluginTesting.installActive(fixture.admin(), PluginTesting.bundle("hanging", HangingActivator.class));
        }
        return fixture;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hangingRouteAnswers504AfterTheTimeoutWhileTheRestServes(TestDatabase.Kind kind) throws Exception {
        PluginTesting.Fixture fixture = fixture(kind);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> hanging = http.sendAsync(
                HttpRequest.newBuilder(fixture.base().resolve("/x-hang/slow")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        // meanwhile, the kernel and the plugin's other route answer at once
        BrowserClient visitor = fixture.visitor();
        Thread.sleep(100);
        long meanwhile = System.nanoTime();
        assertStatus(200, visitor.get("/health"));
        assertStatus(200, visitor.get("/"));
        assertStatus(200, visitor.get("/x-hang/quick"));
        assertTrue(elapsedMs(meanwhile) < TIMEOUT_MS, "the kernel waited for the hanging call: " + elapsedMs(meanwhile) + " ms");
        assertFalse(hanging.isDone(), "the hanging request should still be waiting for the plugin");

        HttpResponse<String> response = hanging.get(15, TimeUnit.SECONDS);
        long took = elapsedMs(started);
        assertStatus(504, response);
        assertTrue(took >= TIMEOUT_MS - 50 && took < TIMEOUT_MS + 4_000, "answered after " + took + " ms");
        assertTrue(response.body().contains("did not answer within " + TIMEOUT_MS + " ms"), response.body());
        assertStatus(200, visitor.get("/health"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hangingEmbedProviderDelaysEmbedsByOneTimeoutAtMost(TestDatabase.Kind kind) {
        PluginTesting.Fixture fixture = fixture(kind);
        BrowserClient visitor = fixture.visitor();
        String[] links = new String[8];
        links[0] = YOUTUBE;
        for (int i = 1; i < links.length; i++) {
            links[i] = "https://nobody-embeds-this.example/post/" + i;
        }
        long started = System.nanoTime();
        JsonNode results = PluginTesting.embeds(visitor, links);
        long took = elapsedMs(started);
        assertEquals(links.length, results.size(), results.toString());
        assertEquals(YOUTUBE_IFRAME, results.path(0).path("embed").path("iframeSrc").asText(), results.toString());
        for (int i = 1; i < links.length; i++) {
            assertTrue(results.path(i).path("isLink").asBoolean() && results.path(i).path("embed").isNull(), results.toString());
        }
        // eight links, one hanging provider: bounded by the timeout, not by the timeout per link
        assertTrue(took < 2 * TIMEOUT_MS + 1_000, "the embeds API took " + took + " ms for " + links.length + " links");

        long page = System.nanoTime();
        HttpResponse<String> preview = visitor.get("/embeds/preview?url=" + PluginTesting.query(YOUTUBE));
        assertStatus(200, preview);
        assertTrue(preview.body().contains("src=\"" + YOUTUBE_IFRAME + "\""), preview.body());
        assertTrue(elapsedMs(page) < 2 * TIMEOUT_MS + 1_000, "the preview took " + elapsedMs(page) + " ms");
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
