package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.atelier.server.testing.Community;
import org.atelier.testrig.BrowserClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The artist-facing pages at phone and desktop widths: nothing scrolls sideways, every image has
 * an alt attribute, every visible form control has a label, the comment form and the post's
 * buttons are reachable by keyboard. Screenshots of each page at both widths.
 */
class ArtistPagesAccessibilityBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.fresh();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    private static String postId;
    private static String albumId;

    @BeforeAll
    static void seed() {
        Community community = Community.on(INSTANCE.get());
        BrowserClient painter = community.artist("lena");
        String image = Community.upload(painter, Community.artwork(7, 1600, 1000), "alt=A%20harbour%20at%20dusk");
        HttpJson created = HttpJson.of(painter.json("POST", "/api/v1/posts", "{\"title\": \"Harbour at dusk, a"
                + " very long title that has to wrap on a phone screen without pushing anything sideways\","
                + " \"description\": \"Oil on linen. #harbour\", \"media\": [\"" + image + "\"]}"));
        postId = created.string("id");
        albumId = HttpJson.of(painter.json("POST", "/api/v1/albums", "{\"title\": \"Harbours\", \"visibility\": \"public\"}"))
                .string("id");
        painter.json("POST", "/api/v1/albums/" + albumId + "/posts", "{\"post\": \"" + postId + "\"}");
        painter.json("POST", "/api/v1/posts/" + postId + "/comments", "{\"body\": \"Notes on the palette.\"}");
    }

    @Test
    void pagesFitPhonesAndDesktopsAndLabelEverything() {
        Flows.signIn(browser, "lena", org.atelier.server.testing.TestInstance.PASSWORD);
        List<String> paths = List.of("/", "/explore", "/tags/harbour", "/search?q=harbour&type=posts", "/@lena", "/@lena/albums", "/posts/" + postId, "/albums/" + albumId,
                "/posts/new", "/settings/profile", "/notifications", "/bookmarks", "/drafts");
        for (Browser.Viewport viewport : Browser.Viewport.values()) {
            browser.resize(viewport);
            for (String path : paths) {
                browser.open(path);
                browser.visible(By.tagName("h1"));
                String name = path.replaceAll("[^a-z0-9]+", "-") + "-" + viewport.name().toLowerCase(java.util.Locale.ROOT);
                browser.screenshot("pages" + name);
                Object wide = browser.js("""
                        return Array.from(document.querySelectorAll('body *'))
                          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
                          .slice(0, 5).map(e => e.outerHTML.slice(0, 120) + ' ' + Math.round(e.getBoundingClientRect().right));""");
                assertEquals(viewport.width(), ((Number) browser.js("return document.documentElement.scrollWidth"))
                        .intValue(), path + " scrolls sideways at " + viewport + ": " + wide);
                List<?> unlabelled = (List<?>) browser.js("""
                        return Array.from(document.querySelectorAll('input, select, textarea'))
                          .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
                          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))
                          .map(e => e.name || e.id);""");
                assertTrue(unlabelled.isEmpty(), path + ": controls without a label " + unlabelled);
                List<?> noAlt = (List<?>) browser.js("""
                        return Array.from(document.images).filter(i => !i.hasAttribute('alt')).map(i => i.src);""");
                assertTrue(noAlt.isEmpty(), path + ": images without alt " + noAlt);
                List<?> tooSmall = (List<?>) browser.js("""
                        return Array.from(document.querySelectorAll('main button, main a.button-link'))
                          .filter(e => e.offsetParent !== null)
                          .map(e => e.getBoundingClientRect()).filter(r => r.height < 24).map(r => r.height);""");
                assertTrue(tooSmall.isEmpty(), path + ": buttons too small to tap " + tooSmall);
            }
        }

        // the post page by keyboard: tab reaches Like, then the comment box
        browser.resize(Browser.Viewport.DESKTOP);
        browser.open("/posts/" + postId);
        boolean reachedLike = false;
        boolean reachedComment = false;
        for (int i = 0; i < 60 && !(reachedLike && reachedComment); i++) {
            browser.driver().switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
            Map<?, ?> focused = (Map<?, ?>) browser.js("const e = document.activeElement;"
                    + " return {text: (e.textContent || '').trim(), id: e.id || ''};");
            reachedLike |= "Like".equals(focused.get("text"));
            reachedComment |= "comment-body".equals(focused.get("id"));
        }
        assertTrue(reachedLike && reachedComment, "Like and the comment box are reachable with Tab");
    }

    /** A JSON response read for one field at a time. */
    private record HttpJson(Map<String, Object> fields) {
        static HttpJson of(java.net.http.HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return new HttpJson(org.atelier.server.http.Json.readObject(response.body()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)).orElseThrow());
        }

        String string(String name) {
            return (String) fields.get(name);
        }
    }
}
