package org.atelier.server.feeds;

import static org.atelier.server.feeds.Social.all;
import static org.atelier.server.feeds.Social.ids;
import static org.atelier.server.feeds.Social.items;
import static org.atelier.server.feeds.Social.page;
import static org.atelier.server.testing.JsonResponses.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.atelier.testrig.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Search over the API on both databases: people, tags with counts and post titles; wildcards in
 * the query match themselves; hostile queries get a 400 or nothing, never someone else's data.
 */
class SearchApiTest {

    private static String search(String type, String q) {
        return "/api/v1/search?type=" + type + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    private static List<Object> field(Map<String, Object> page, String name) {
        return items(page).stream().map(i -> i.get(name)).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void findsPeopleByNameWithWildcardsTakenLiterally(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient anna = community.artist("anna_smith");
            community.artist("annabel");
            community.artist("joanna");
            BrowserClient percent = community.artist("percent");
            community.artist("blocker");
            BrowserClient reader = community.artist("reader");
            assertEquals(200, anna.json("PATCH", "/api/v1/accounts/anna_smith",
                    "{\"displayName\": \"Anna Smith\", \"bio\": \"\"}").statusCode());
            assertEquals(200, percent.json("PATCH", "/api/v1/accounts/percent",
                    "{\"displayName\": \"100%_Real Art\", \"bio\": \"\"}").statusCode());
            social.block("blocker", "reader");
            instance.atelier().database().jdbi().useHandle(h -> h.execute(
                    "UPDATE accounts SET status = 'SUSPENDED' WHERE username = 'annabel'"));

            Map<String, Object> found = page(reader, search("people", "ANNA"));
            assertEquals("people", found.get("type"));
            assertEquals(List.of("anna_smith", "joanna"), field(found, "username"), "contains, any case; not suspended");
            assertEquals("Anna Smith", items(found).get(0).get("displayName"));
            assertEquals("/@anna_smith", items(found).get(0).get("url"));
            assertEquals(List.of("anna_smith", "joanna"), all(reader, search("people", "anna") + "&limit=1", "username"));
            assertEquals(List.of("anna_smith"), field(page(reader, search("people", "smith")), "username"),
                    "display names too");
            assertEquals(List.of("percent"), field(page(reader, search("people", "%_")), "username"),
                    "% and _ match only themselves");
            assertEquals(List.of("anna_smith"), field(page(reader, search("people", "a_s")), "username"));
            assertEquals(List.of("percent"), field(page(reader, search("people", "0%")), "username"));
            assertEquals(List.of(), field(page(reader, search("people", "blocker")), "username"), "blocked either way");
            assertEquals(List.of("blocker"), field(page(community.visitor(), search("people", "blocker")), "username"));
            for (String hostile : List.of("' OR 1=1 --", "\\", "!", "!%", "\u0000", "[a-z]*", "*")) {
                HttpResponse<String> answer = reader.get(search("people", hostile));
                assertTrue(answer.statusCode() == 200 || answer.statusCode() == 400, hostile + ": " + answer.body());
                if (answer.statusCode() == 200) {
                    assertEquals(List.of(), items(json(answer)), hostile);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void findsTagsByPrefixAndPostsByTitleWords(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            Social social = new Social(instance, community);
            BrowserClient anna = community.artist("anna");
            BrowserClient reader = community.artist("reader");
            BrowserClient muted = community.artist("muted_m");
            social.mute("reader", "muted_m");
            String harbour = social.publish(anna, "\"title\": \"Harbour at Dusk\", \"tags\": [\"watercolour\", \"harbour\"]");
            String dawn = social.publish(anna, "\"title\": \"HARBOUR, dawn (study)\", \"tags\": [\"watercolour\"]");
            String hidden = social.publish(anna, "\"title\": \"Harbour at dusk, private\", \"tags\": [\"watercolour\","
                    + " \"water_secret\"], \"visibility\": \"followers\"");
            String unlisted = social.publish(anna, "\"title\": \"Harbour unlisted\", \"visibility\": \"unlisted\"");
            String mutedHarbour = social.publish(muted, "\"title\": \"Harbour by a muted artist\", \"tags\": [\"water\"]");
            String draft = (String) json(anna.json("POST", "/api/v1/posts",
                    "{\"title\": \"Harbour draft\", \"draft\": true}")).get("id");
            String fullWidth = social.publish(anna, "\"title\": \"Ｈａｒｂｏｕｒ lights 100%_done\"");

            // tags: by prefix, counts of public posts, never a tag only private posts use
            Map<String, Object> tags = page(reader, search("tags", "#WATER"));
            assertEquals(List.of("water", "watercolour"), field(tags, "tag"));
            assertEquals(List.of(1L, 2L), field(tags, "posts").stream().map(n -> ((Number) n).longValue()).toList());
            assertEquals("/tags/watercolour", items(tags).get(1).get("url"));
            assertEquals(List.of("water", "watercolour"), all(reader, search("tags", "wa") + "&limit=1", "tag"));
            assertEquals(List.of(), field(page(reader, search("tags", "water_")), "tag"), "_ is not a wildcard");
            assertEquals(List.of(), field(page(reader, search("tags", "%")), "tag"), "% is not a wildcard");

            // posts: every word of the query in the title, public only, newest first
            assertEquals(List.of(fullWidth, dawn, harbour), ids(page(reader, search("posts", "harbour"))),
                    "case and full-width letters folded; not followers-only, unlisted, drafts or muted authors");
            assertEquals(List.of(harbour), ids(page(reader, search("posts", "dusk HARBOUR"))));
            assertEquals(List.of(dawn), ids(page(reader, search("posts", "study, dawn!"))));
            assertEquals(List.of(), ids(page(reader, search("posts", "harbour sunset"))));
            assertEquals(List.of(fullWidth, dawn, harbour), all(reader, search("posts", "harbour") + "&limit=1"));
            assertEquals(List.of(fullWidth, mutedHarbour, dawn, harbour),
                    ids(page(community.visitor(), search("posts", "harbour"))));
            assertEquals(List.of(fullWidth), ids(page(reader, search("posts", "100 done"))));
            assertEquals(List.of(), ids(page(reader, search("posts", "%_"))), "no words, nothing found");
            for (String never : List.of(hidden, unlisted, draft)) {
                assertTrue(!ids(page(reader, search("posts", "harbour"))).contains(never));
            }

            // an edit re-indexes the title; deleting the post removes it
            assertEquals(200, anna.json("PATCH", "/api/v1/posts/" + harbour, "{\"title\": \"Lighthouse\"}").statusCode());
            assertEquals(List.of(harbour), ids(page(reader, search("posts", "lighthouse"))));
            assertEquals(List.of(fullWidth, dawn), ids(page(reader, search("posts", "harbour"))));
            assertEquals(204, anna.json("DELETE", "/api/v1/posts/" + harbour, "").statusCode());
            assertEquals(List.of(), ids(page(reader, search("posts", "lighthouse"))));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void hostileQueriesAreRefused(TestDatabase.Kind kind) {
        try (TestInstance instance = TestInstance.start(kind)) {
            Community community = Community.on(instance);
            BrowserClient reader = community.artist("reader");
            List<String> refused = new ArrayList<>(List.of("/api/v1/search?type=people", "/api/v1/search?type=tags&q=",
                    "/api/v1/search?type=posts&q=%20%20", "/api/v1/search?q=anna", "/api/v1/search?q=anna&type=everything",
                    "/api/v1/search?type=tags&q=%23", search("people", "x".repeat(Search.MAX_QUERY + 1)),
                    search("posts", "word ".repeat(30)), search("people", "anna") + "&limit=0",
                    search("people", "anna") + "&before=%21%21", search("tags", "anna") + "&before=" + "QQ".repeat(300),
                    search("posts", "anna") + "&before=garbage"));
            for (String path : refused) {
                HttpResponse<String> answer = reader.get(path);
                assertEquals(400, answer.statusCode(), path + ": " + answer.body());
            }
            Map<String, Object> fine = page(reader, search("people", "x".repeat(Search.MAX_QUERY)));
            assertEquals(List.of(), items(fine));
            assertNull(fine.get("next"));
        }
    }
}
