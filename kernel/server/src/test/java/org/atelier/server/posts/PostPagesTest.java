package org.atelier.server.posts;

import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.MultipartForm;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The post and profile pages without JavaScript, on both databases: the compose form with image
 * files, the post page, the portfolio grid, editing (remove and reorder), a refused form that
 * keeps what was uploaded, the profile settings with an avatar, and who sees which page.
 */
class PostPagesTest {
    private static final Pattern POST_URL = Pattern.compile("/posts/([A-Za-z0-9_-]+)");
    private static final Pattern HIDDEN_MEDIA = Pattern.compile("name=\"media\" value=\"([A-Za-z0-9_-]+)\"");

    static HttpResponse<String> submit(BrowserClient client, String path, MultipartForm form) {
        return client.raw("POST", path, form.contentType(), form.body());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void composeWithFilesThenEditAndDelete(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            assertEquals(200, painter.get("/posts/new").statusCode());
            assertEquals(401, community.visitor().get("/posts/new").statusCode(), "signed-out visitors cannot post");

            MultipartForm form = new MultipartForm().field("_csrf", painter.csrf())
                    .file("images", "one.png", "image/png", Community.artwork(1, 900, 600))
                    .file("images", "two.png", "image/png", Community.artwork(2, 600, 900))
                    .file("images", "three.png", "image/png", Community.artwork(3, 700, 700))
                    .field("alts", "A teal circle\nA tall one\n")
                    .field("title", "Three studies").field("description", "Gouache. #studies")
                    .field("tags", "colour, circles").field("licence", "cc-by").field("visibility", "public")
                    .field("noAiTraining", "on").field("inPortfolio", "on").field("action", "publish");
            HttpResponse<String> created = submit(painter, "/posts/new", form);
            assertEquals(303, created.statusCode(), created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            Matcher m = POST_URL.matcher(location);
            assertTrue(m.find(), location);
            String id = m.group(1);
            // images sent with the form are processed on the job queue, like any upload
            PostsApiTest.imageIds(json(painter.get("/api/v1/posts/" + id)))
                    .forEach(image -> Community.awaitReady(painter, image));

            HttpResponse<String> page = community.visitor().get("/posts/" + id);
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("<h1 class=\"p-name\">Three studies</h1>"), html);
            assertEquals(3, count(html, "class=\"u-photo\""), "every image full size");
            assertTrue(html.contains("alt=\"A teal circle\"") && html.contains("alt=\"A tall one\""), html);
            assertTrue(html.contains("srcset=\"/media/"), "display sizes offered");
            assertTrue(html.contains("rel=\"license\">CC BY 4.0</a>"), html);
            assertTrue(html.contains("href=\"/tags/studies\"") && html.contains("href=\"/tags/colour\""), html);
            assertTrue(html.contains("Not for AI training"));
            assertTrue(html.contains("<meta name=\"robots\" content=\"noai, noimageai\">"));
            assertFalse(html.contains("/edit\""), "no edit link for visitors");

            HttpResponse<String> portfolio = community.visitor().get("/@painter");
            assertEquals(200, portfolio.statusCode());
            assertTrue(portfolio.body().contains("href=\"/posts/" + id + "\""), portfolio.body());
            assertTrue(portfolio.body().contains("/thumbnail\" alt=\"A teal circle\""), portfolio.body());
            assertTrue(portfolio.body().contains("3 images"));

            // edit: drop the second image, put the third first
            Map<String, Object> post = json(painter.get("/api/v1/posts/" + id));
            List<String> images = PostsApiTest.imageIds(post);
            HttpResponse<String> editForm = painter.get("/posts/" + id + "/edit");
            assertEquals(200, editForm.statusCode());
            assertTrue(editForm.body().contains("value=\"Three studies\""));
            assertEquals(404, community.artist("sculptor").get("/posts/" + id + "/edit").statusCode());
            MultipartForm edit = new MultipartForm().field("_csrf", painter.csrf()).field("edited", "1")
                    .field("keep_" + images.get(0), "on").field("position_" + images.get(0), "2")
                    .field("position_" + images.get(1), "1")
                    .field("keep_" + images.get(2), "on").field("position_" + images.get(2), "1")
                    .field("title", "Two studies").field("licence", "cc-by").field("visibility", "public")
                    .field("inPortfolio", "on").field("action", "publish");
            assertEquals(303, submit(painter, "/posts/" + id + "/edit", edit).statusCode());
            Map<String, Object> edited = json(painter.get("/api/v1/posts/" + id));
            assertEquals(List.of(images.get(2), images.get(0)), PostsApiTest.imageIds(edited));
            assertEquals("Two studies", edited.get("title"));
            assertEquals(false, edited.get("noAiTraining"), "an unticked box is an answer");

            // delete through the page
            HttpResponse<String> deleted = painter.postForm("/posts/" + id + "/delete", Map.of());
            assertEquals(303, deleted.statusCode());
            assertEquals(404, community.visitor().get("/posts/" + id).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aRefusedFormKeepsTheUploadedImages(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            MultipartForm form = new MultipartForm().field("_csrf", painter.csrf())
                    .file("images", "good.png", "image/png", Community.artwork(4, 400, 300))
                    .field("title", "t".repeat(201)).field("licence", "cc-by").field("visibility", "public")
                    .field("action", "publish");
            HttpResponse<String> refused = submit(painter, "/posts/new", form);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("role=\"alert\">A title is at most 200 characters."), refused.body());
            Matcher kept = HIDDEN_MEDIA.matcher(refused.body());
            assertTrue(kept.find(), "the uploaded image comes back with the form: " + refused.body());
            String imageId = kept.group(1);

            // sending the form again with the kept image and a fixed title publishes
            MultipartForm again = new MultipartForm().field("_csrf", painter.csrf()).field("media", imageId)
                    .field("title", "Fixed").field("licence", "cc-by").field("visibility", "public")
                    .field("action", "publish");
            HttpResponse<String> created = submit(painter, "/posts/new", again);
            assertEquals(303, created.statusCode(), created.body());

            // a hostile file is refused by name, with nothing stored for it
            long before = instance.atelier().media().count();
            MultipartForm hostile = new MultipartForm().field("_csrf", painter.csrf())
                    .file("images", "evil.png", "image/png", "<svg onload=alert(1)>".getBytes())
                    .field("licence", "cc-by").field("visibility", "public").field("action", "publish");
            HttpResponse<String> evil = submit(painter, "/posts/new", hostile);
            assertTrue(evil.statusCode() >= 400 && evil.statusCode() < 500, evil.body());
            assertTrue(evil.body().contains("evil.png"), evil.body());
            assertEquals(before, instance.atelier().media().count());

            // a form without its CSRF token changes nothing
            MultipartForm forged = new MultipartForm().field("media", imageId).field("action", "publish");
            assertEquals(403, submit(painter, "/posts/new", forged).statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void profileSettingsWithAvatarAndLinks(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient painter = community.artist("painter");
            MultipartForm form = new MultipartForm().field("_csrf", painter.csrf())
                    .field("displayName", "Paula Painter").field("bio", "I paint *harbours*.")
                    .field("location", "Lisbon").field("links", "Shop https://shop.example/paula\nhttps://example.org")
                    .field("skills", "oil painting, gouache").field("openToWork", "on").field("noAiDefault", "on")
                    .file("avatar", "me.png", "image/png", Community.artwork(5, 500, 400));
            HttpResponse<String> saved = submit(painter, "/settings/profile", form);
            assertEquals(200, saved.statusCode(), saved.body());
            assertTrue(saved.body().contains("Saved."));
            String profile = community.visitor().get("/@painter").body();
            assertTrue(profile.contains("Paula Painter") && profile.contains("<em>harbours</em>"), profile);
            assertTrue(profile.contains("Lisbon") && profile.contains("href=\"https://shop.example/paula\""), profile);
            assertTrue(profile.contains("oil painting") && profile.contains("Open to commissions"), profile);
            Matcher avatar = Pattern.compile("src=\"/media/([A-Za-z0-9_-]+)/thumbnail\" alt=\"Avatar").matcher(profile);
            assertTrue(avatar.find(), profile);
            Community.awaitReady(painter, avatar.group(1));
            assertEquals(200, PostsApiTest.status(community.visitor(), "/media/" + avatar.group(1) + "/thumbnail"),
                    "avatars are public");

            MultipartForm bad = new MultipartForm().field("_csrf", painter.csrf()).field("displayName", "Paula")
                    .field("links", "Shop javascript:alert(1)");
            HttpResponse<String> refused = submit(painter, "/settings/profile", bad);
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("not a web address"), refused.body());
            assertTrue(community.visitor().get("/@painter").body().contains("Paula Painter"), "nothing changed");
            Map<String, Object> api = json(community.visitor().get("/api/v1/accounts/painter"));
            assertEquals(List.of("oil painting", "gouache"), api.get("skills"));
            assertEquals(true, api.get("openToWork"));
        }
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
