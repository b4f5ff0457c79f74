package org.atelier.server.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestBundles;
import org.atelier.testrig.TestDatabase;

/**
 * What the plugin-host tests share: the admin API as a client sees it, test bundles, JSON parsing,
 * and instances kept for a whole test class, one per database kind.
 */
final class PluginTesting {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EMBEDS = "org.atelier.plugin.embeds";
    static final String PLUGINS = "/api/v1/admin/plugins";
    static final String JAR = "application/java-archive";
    static final String YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    static final String YOUTUBE_IFRAME = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";

    private PluginTesting() {
    }

    /** The symbolic name of a test plugin. */
    static String name(String shortName) {
        return "org.atelier.test." + shortName;
    }

    /** A test bundle {@code org.atelier.test.<shortName>} made of the activator's package. */
    static byte[] bundle(String shortName, Class<?> activator) {
        return TestBundles.bundle(name(shortName)).activator(activator).build();
    }

    /** Creates the owner account and signs a new client in as it. */
    static BrowserClient owner(TestInstance instance) {
        if (instance.atelier().accounts().needsSetup()) {
            instance.createAdmin("owner");
        }
        BrowserClient admin = instance.client();
        TestInstance.signIn(admin, "owner");
        return admin;
    }

    /** Opens registration, registers an artist and signs a new client in as them. */
    static BrowserClient artist(TestInstance instance, BrowserClient admin, String username) {
        HttpResponse<String> open = admin.json("PUT", "/api/v1/admin/settings/registration", "{\"mode\":\"open\"}");
        assertStatus(200, open);
        BrowserClient artist = instance.client();
        HttpResponse<String> registered = TestInstance.register(artist, username);
        assertTrue(registered.statusCode() == 201 || registered.statusCode() == 200, registered.body());
        BrowserClient signedIn = instance.client();
        TestInstance.signIn(signedIn, username);
        return signedIn;
    }

    static HttpResponse<String> install(BrowserClient admin, byte[] jar) {
        return admin.raw("POST", PLUGINS, JAR, jar);
    }

    static HttpResponse<String> update(BrowserClient admin, String symbolicName, byte[] jar) {
        return admin.raw("PUT", PLUGINS + "/" + symbolicName, JAR, jar);
    }

    static HttpResponse<String> start(BrowserClient admin, String symbolicName) {
        return admin.raw("POST", PLUGINS + "/" + symbolicName + "/start", "text/plain", new byte[0]);
    }

    static HttpResponse<String> stop(BrowserClient admin, String symbolicName) {
        return admin.raw("POST", PLUGINS + "/" + symbolicName + "/stop", "text/plain", new byte[0]);
    }

    static HttpResponse<String> uninstall(BrowserClient admin, String symbolicName) {
        return admin.raw("DELETE", PLUGINS + "/" + symbolicName, "text/plain", new byte[0]);
    }

    /** Installs a plugin and insists that it is active. */
    static JsonNode installActive(BrowserClient admin, byte[] jar) {
        HttpResponse<String> response = install(admin, jar);
        assertStatus(201, response);
        JsonNode info = json(response);
        assertEquals("active", info.path("state").asText(), response.body());
        return info;
    }

    /** The plugin list as the admin API shows it. */
    static JsonNode list(BrowserClient admin) {
        HttpResponse<String> response = admin.get(PLUGINS);
        assertStatus(200, response);
        return json(response);
    }

    /** One plugin from the admin API's list. */
    static Optional<JsonNode> listed(BrowserClient admin, String symbolicName) {
        for (JsonNode plugin : list(admin)) {
            if (plugin.path("symbolicName").asText().equals(symbolicName)) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static void assertStatus(int expected, HttpResponse<String> response) {
        assertEquals(expected, response.statusCode(), () -> response.request().method() + " " + response.uri()
                + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
    }

    static String abbreviate(String body) {
        return body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
    }

    /** The files in the instance's kept-jar directory. */
    static List<String> keptJars(TestInstance instance) {
        Path dir = instance.dataDir().resolve("plugins");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String query(String url) {
        return java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The embeds API's answer for some links. */
    static JsonNode embeds(BrowserClient client, String... urls) {
        List<String> params = new ArrayList<>();
        for (String url : urls) {
            params.add("url=" + query(url));
        }
        HttpResponse<String> response = client.get("/api/v1/embeds?" + String.join("&", params));
        assertStatus(200, response);
        return json(response);
    }

    /** A running instance with its owner signed in on a client. */
    record Fixture(TestInstance instance, BrowserClient admin) {
        BrowserClient visitor() {
            return instance.client();
        }

        URI base() {
            return instance.atelier().localUri();
        }
    }

    /**
     * Instances kept for a test class, one per database kind, started on first use and closed
     * together.
     */
    static final class Instances implements AutoCloseable {
        private final Map<TestDatabase.Kind, Fixture> fixtures = new EnumMap<>(TestDatabase.Kind.class);
        private final Function<TestDatabase.Kind, TestInstance> starter;

        Instances(Function<TestDatabase.Kind, TestInstance> starter) {
            this.starter = starter;
        }

        Instances() {
            this(TestInstance::start);
        }

        synchronized Fixture get(TestDatabase.Kind kind) {
            return fixtures.computeIfAbsent(kind, k -> {
                TestInstance instance = starter.apply(k);
                return new Fixture(instance, owner(instance));
            });
        }

        /** After a restart (new port): new clients for the same instance. */
        synchronized Fixture reconnect(TestDatabase.Kind kind) {
            TestInstance instance = fixtures.get(kind).instance();
            Fixture fresh = new Fixture(instance, owner(instance));
            fixtures.put(kind, fresh);
            return fresh;
        }

        @Override
        public synchronized void close() {
            for (Fixture fixture : fixtures.values()) {
                fixture.instance().close();
            }
            fixtures.clear();
        }
    }
}
