package org.atelier.server.web;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Site settings on both databases: an admin switches to a theme installed as a folder under the
 * data directory (no rebuild), the theme's own files win and what it lacks comes from the default
 * theme; an unknown theme is refused and changes nothing; only admins may change settings.
 */
class SiteSettingsTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anAdminSwitchesToAnInstalledTheme(TestDatabase.Kind kind) throws Exception {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient admin = community.admin();
            BrowserClient artist = community.artist("painter");
            Path night = instance.dataDir().resolve("themes").resolve("night");
            Files.createDirectories(night.resolve("templates"));
            Files.createDirectories(night.resolve("static"));
            Files.writeString(night.resolve("templates/layout.mustache"),
                    "<!DOCTYPE html><html lang=\"en\"><head><title>{{title}}</title>"
                    + "<link rel=\"stylesheet\" href=\"/static/night.css\"></head><body class=\"night\">{{{content}}}</body></html>");
            Files.writeString(night.resolve("static/night.css"), "body { background: #000; }");

            Map<String, Object> before = json(admin.get("/api/v1/admin/settings/site"));
            assertEquals("default", before.get("theme"));
            assertTrue(((java.util.List<?>) before.get("themes")).contains("night"));

            assertEquals(403, artist.json("PUT", "/api/v1/admin/settings/site", "{\"theme\":\"night\"}").statusCode());
            assertEquals(400, admin.json("PUT", "/api/v1/admin/settings/site",
                    "{\"theme\":\"../etc\", \"altTextRequired\": true}").statusCode());
            assertEquals(Map.of("theme", "default", "altTextRequired", false),
                    Map.of("theme", json(admin.get("/api/v1/admin/settings/site")).get("theme"),
                            "altTextRequired", json(admin.get("/api/v1/admin/settings/site")).get("altTextRequired")),
                    "a refused change changes nothing");

            assertEquals(200, admin.postForm("/admin/site", Map.of("theme", "night")).statusCode());
            String profile = community.visitor().get("/@painter").body();
            assertTrue(profile.contains("<body class=\"night\">"), "the theme's layout: " + profile);
            assertTrue(profile.contains("class=\"artist h-card\""), "templates it lacks come from the default theme");
            assertEquals("body { background: #000; }", community.visitor().get("/static/night.css").body());
            assertTrue(community.visitor().get("/static/atelier.js").body().contains("infinite scroll"),
                    "static files it lacks come from the default theme");
            assertFalse(json(admin.get("/api/v1/admin/settings/site")).get("altTextRequired").equals(true),
                    "an unticked box left alt text optional");

            // upload limits are instance settings: refused out of range, applied to the next upload
            assertEquals(400, admin.json("PUT", "/api/v1/admin/settings/site",
                    "{\"maxUploadMegabytes\": 500, \"theme\": \"default\"}").statusCode());
            assertEquals("night", json(admin.get("/api/v1/admin/settings/site")).get("theme"), "nothing changed");
            assertEquals(400, admin.json("PUT", "/api/v1/admin/settings/site", "{\"maxFrames\": \"many\"}").statusCode());
            assertEquals(200, admin.json("PUT", "/api/v1/admin/settings/site",
                    "{\"maxUploadMegabytes\": 1, \"maxMegapixels\": 2}").statusCode());
            Map<String, Object> limits = json(admin.get("/api/v1/admin/settings/site"));
            assertEquals(1, ((Number) limits.get("maxUploadMegabytes")).intValue());
            assertEquals(2, ((Number) limits.get("maxMegapixels")).intValue());
            java.net.http.HttpResponse<String> big = artist.raw("POST", "/api/v1/media", "image/png",
                    Community.artwork(1, 2000, 1500));
            assertEquals(422, big.statusCode(), "3 megapixels over a 2 megapixel limit: " + big.body());
            assertEquals(202, artist.raw("POST", "/api/v1/media", "image/png", Community.artwork(2, 1000, 1000))
                    .statusCode());
        }
    }

}
