package org.atelier.server.plugins;

import static org.atelier.server.plugins.PluginTesting.EMBEDS;
import static org.atelier.server.plugins.PluginTesting.YOUTUBE;
import static org.atelier.server.plugins.PluginTesting.YOUTUBE_IFRAME;
import static org.atelier.server.plugins.PluginTesting.assertStatus;
import static org.atelier.server.plugins.PluginTesting.embeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atelier.server.testing.TestInstance;
import org.atelier.server.testplugins.failstart.FailStartActivator;
import org.atelier.server.testplugins.hangstart.HangStartActivator;
import org.atelier.server.testplugins.steady.SteadyActivator;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A plugin that cannot start — its activator throws or hangs, or its kept jar changed behind the
 * kernel's back: installing it answers with its failure instead of taking the kernel down, the
 * kernel keeps serving, and after a restart the kernel boots normally with the plugin listed as
 * failed and every other plugin active.
 */
class PluginStartFailureTest {
    private static final String FAILSTART = PluginTesting.name("failstart");

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pluginThrowingAtStartIsShownFailedAndTheKernelBootsAnyway(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient admin = PluginTesting.owner(instance);
            BrowserClient visitor = instance.client();

            HttpResponse<String> installed = PluginTesting.install(admin,
                    PluginTesting.bundle("failstart", FailStartActivator.class));
            assertStatus(201, installed);
            JsonNode info = PluginTesting.json(installed);
            assertEquals(FAILSTART, info.path("symbolicName").asText());
            assertEquals("failed", info.path("state").asText(), installed.body());
            assertTrue(info.path("error").asText().contains(FailStartActivator.MESSAGE), installed.body());
            assertTrue(info.path("extensionPoints").isEmpty(), "a failed plugin provides nothing: " + installed.body());

            // the kernel keeps serving, and the service registered before the throw is not served
            assertKernelServes(visitor);
            assertStatus(404, visitor.get("/x-failstart"));

            // starting it again fails the same way, and says so
            HttpResponse<String> retried = PluginTesting.start(admin, FAILSTART);
            assertStatus(200, retried);
            assertEquals("failed", PluginTesting.json(retried).path("state").asText(), retried.body());
            assertTrue(PluginTesting.json(retried).path("error").asText().contains(FailStartActivator.MESSAGE));

            instance.restart();
            admin = PluginTesting.owner(instance);
            visitor = instance.client();
            assertKernelServes(visitor);
            JsonNode failed = PluginTesting.listed(admin, FAILSTART).orElseThrow(
                    () -> new AssertionError("the failed plugin is no longer listed after a restart"));
            assertEquals("failed", failed.path("state").asText(), failed.toString());
            assertTrue(failed.path("error").asText().contains(FailStartActivator.MESSAGE), failed.toString());
            JsonNode embeds = PluginTesting.listed(admin, EMBEDS).orElseThrow();
            assertEquals("active", embeds.path("state").asText(), embeds.toString());
            assertTrue(embeds.path("error").isNull() || embeds.path("error").isMissingNode(), embeds.toString());
            assertStatus(404, visitor.get("/x-failstart"));

            // the admin can remove it; it stays removed
            assertStatus(204, PluginTesting.uninstall(admin, FAILSTART));
            assertFalse(PluginTesting.keptJars(instance).contains(FAILSTART + ".jar"));
            instance.restart();
            admin = PluginTesting.owner(instance);
            assertTrue(PluginTesting.listed(admin, FAILSTART).isEmpty());
            assertKernelServes(instance.client());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void pluginHangingAtStartIsGivenUpAndTheKernelBootsAnyway(TestDatabase.Kind kind) {
        System.setProperty("atelier.plugins.startTimeoutMs", "1500");
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient admin = PluginTesting.owner(instance);
            String hangstart = PluginTesting.name("hangstart");

            long started = System.nanoTime();
            HttpResponse<String> installed = PluginTesting.install(admin,
                    PluginTesting.bundle("hangstart", HangStartActivator.class));
            long took = (System.nanoTime() - started) / 1_000_000;
            assertStatus(201, installed);
            assertTrue(took < 10_000, "the install waited " + took + " ms for the activator");
            JsonNode info = PluginTesting.json(installed);
            assertEquals("failed", info.path("state").asText(), installed.body());
            assertTrue(info.path("error").asText().contains("did not finish starting within 1500 ms"), installed.body());
            assertKernelServes(instance.client());

            long restarting = System.nanoTime();
            instance.restart();
            long boot = (System.nanoTime() - restarting) / 1_000_000;
            assertTrue(boot < 20_000, "the kernel waited " + boot + " ms for the plugin to start");
            admin = PluginTesting.owner(instance);
            assertKernelServes(instance.client());
            JsonNode failed = PluginTesting.listed(admin, hangstart).orElseThrow();
            assertEquals("failed", failed.path("state").asText(), failed.toString());
            assertTrue(failed.path("error").asText().contains("did not finish starting"), failed.toString());
            assertEquals("active", PluginTesting.listed(admin, EMBEDS).orElseThrow().path("state").asText());

            assertStatus(204, PluginTesting.uninstall(admin, hangstart));
            assertTrue(PluginTesting.listed(admin, hangstart).isEmpty());
        } finally {
            System.clearProperty("atelier.plugins.startTimeoutMs");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keptJarThatChangedBehindTheKernelsBackIsNotLoaded(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            BrowserClient admin = PluginTesting.owner(instance);
            String steady = PluginTesting.name("steady");
            PluginTesting.installActive(admin, PluginTesting.bundle("steady", SteadyActivator.class));
            assertStatus(200, instance.client().get("/x-steady/ok"));

            Path kept = instance.dataDir().resolve("plugins").resolve(steady + ".jar");
            assertTrue(Files.exists(kept), "the jar is kept in <data>/plugins");
            Files.write(kept, TestBundles.bundle(steady).version("6.6.6").activator(SteadyActivator.class).build());

            instance.restart();
            admin = PluginTesting.owner(instance);
            JsonNode refused = PluginTesting.listed(admin, steady).orElseThrow();
            assertEquals("failed", refused.path("state").asText(), refused.toString());
            assertTrue(refused.path("error").asText().contains("SHA-256"), refused.toString());
            assertStatus(404, instance.client().get("/x-steady/ok"));
            assertKernelServes(instance.client());

            // reinstalling the real jar is the way back
            assertStatus(204, PluginTesting.uninstall(admin, steady));
            PluginTesting.installActive(admin, PluginTesting.bundle("steady", SteadyActivator.class));
            assertStatus(200, instance.client().get("/x-steady/ok"));
        }
    }

    private static void assertKernelServes(BrowserClient visitor) {
        assertStatus(200, visitor.get("/"));
        assertStatus(200, visitor.get("/health"));
        JsonNode embedded = embeds(visitor, YOUTUBE);
        assertEquals(YOUTUBE_IFRAME, embedded.path(0).path("embed").path("iframeSrc").asText(), embedded.toString());
    }
}
