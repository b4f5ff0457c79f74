package org.atelier.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hashtags, mentions and bare links found in plain text: what counts, where, and how keys match. */
class TextEntitiesTest {

    /** What Tags.find reports, as "name@start-end" items joined by spaces ("-" for none). */
    private static String tagsIn(String text) {
        List<Occurrence<Hashtag>> found = Tags.find(text);
        for (Occurrence<Hashtag> o : found) {
            assertEquals(o.entity().display(), text.substring(o.start(), o.end()).replace('＃', '#'),
                    "the span is exactly what was written");
        }
        return found.isEmpty() ? "-" : found.stream().map(o -> o.entity().name() + "@" + o.start() + "-" + o.end())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "#art                          | art@0-4",
            "I paint #art.                 | art@8-12",
            "#Art, #ART and #art!          | Art@0-4 ART@6-10 art@15-19",
            "#水彩 study                    | 水彩@0-3",
            "#水彩の練習                     | 水彩の練習@0-6",
            "un #café crème                | café@3-8",
            "#straße                       | straße@0-7",
            "#ψηφιακή_τέχνη                | ψηφιακή_τέχνη@0-14",
            "#हिन्दी कला                      | हिन्दी@0-7",
            "#snake_case_tag               | snake_case_tag@0-15",
            "#ink2025                      | ink2025@0-8",
            "(#inParens)                   | inParens@1-10",
            "＃全角                         | 全角@0-3",
            "#l·lengua                     | l·lengua@0-9",
            "#trailing·                    | trailing@0-9",
            "##double                      | double@1-8",
            "#2025                         | -",
            "#1                            | -",
            "#_                            | -",
            "C# and F#                     | -",
            "word#tag                      | -",
            "#                             | -",
            "# heading                     | -",
            "https://x.y/#frag             | -",
            "https://x.y/page#frag         | -",
            "http://x.y/?a=1#b #real       | real@18-23",
            "a/#path =#eq )#paren &#38;    | -",
            "#tag#other                    | tag@0-4",
            "#emoji🎨                       | emoji@0-6",
    })
    void hashtags(String text, String expected) {
        assertEquals(expected, tagsIn(text));
    }

    @Test
    void hashtagLengthIsBounded() {
        String longest = "a".repeat(Tags.MAX_LENGTH);
        assertEquals(longest + "@0-" + (Tags.MAX_LENGTH + 1), tagsIn("#" + longest));
        assertEquals("-", tagsIn("#" + longest + "b"), "too long is no tag at all, not a truncated one");
        assertEquals("-", tagsIn("#" + "水".repeat(Tags.MAX_LENGTH + 1)));
        // length counts characters: 100 supplementary-plane letters are 200 chars
        assertTrue(Tags.isValidName("𠀀".repeat(Tags.MAX_LENGTH)));
    }

    @Test
    void hashtagKeysFoldCaseAndWidth() {
        assertEquals("art", new Hashtag("ART").key());
        assertEquals("art", new Hashtag("ＡＲＴ").key(), "full-width letters are NFKC-normalised");
        assertEquals(new Hashtag("Straße").key(), new Hashtag("STRASSE").key());
        assertEquals("café", new Hashtag("Cafe\u0301").key(), "decomposed accents compose");
        assertEquals("/tags/caf%C3%A9", new Hashtag("Café").path());
        assertEquals("#Café", new Hashtag("Café").display());
        assertThrows(IllegalArgumentException.class, () -> new Hashtag("not a tag"));
    }

    @Test
    void distinctTagsKeepFirstSpellingAndAreCapped() {
        assertEquals(List.of(new Hashtag("Ink"), new Hashtag("水彩")),
                Tags.distinct("#Ink #ink #INK #水彩 #ｉｎｋ"));
        String many = IntStream.range(0, 40).mapToObj(i -> "#tag" + i).collect(Collectors.joining(" "));
        List<Hashtag> distinct = Tags.distinct(many);
        assertEquals(Tags.MAX_PER_TEXT, distinct.size());
        assertEquals("tag0", distinct.get(0).name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "art        | art",
            "#Art       | Art",
            "'  #水彩 '   | 水彩",
            "＃全角      | 全角",
            "two words  | ",
            "#          | ",
            "''         | ",
            "123        | ",
            "##art      | ",
            "art!       | ",
    })
    void tagFieldInput(String input, String expected) {
        assertEquals(Optional.ofNullable(expected), Tags.parse(input).map(Hashtag::name));
    }

    /** What Mentions.find reports, as "handle@start-end" items ("-" for none). */
    private static String mentionsIn(String text) {
        List<Occurrence<Mention>> found = Mentions.find(text);
        for (Occurrence<Mention> o : found) {
            assertEquals(o.entity().display().toLowerCase(), text.substring(o.start(), o.end()).toLowerCase());
        }
        return found.isEmpty() ? "-" : found.stream().map(o -> o.entity().display() + "@" + o.start() + "-" + o.end())
                .collect(Collectors.joining(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@alice                          | @alice@0-6",
            "hi @alice!                      | @alice@3-9",
            "@alice.                         | @alice@0-6",
            "@alice's new work               | @alice@0-6",
            "(@alice)                        | @alice@1-7",
            "@Alice_99                       | @Alice_99@0-9",
            "@bob@example.org                | @bob@example.org@0-16",
            "@bob@Example.ORG.               | @bob@example.org@0-16",
            "cc @ink.and.paper@pixelfed.example, thanks | @ink.and.paper@pixelfed.example@3-34",
            "@lou@gts.example:8443           | @lou@gts.example:8443@0-21",
            "@dev@localhost:8080             | @dev@localhost:8080@0-19",
            "@anna@bücher.example            | @anna@bücher.example@0-20",
            "@a@b.com @c                     | @a@b.com@0-8 @c@9-11",
            "a@b.com                         | -",
            "mail me: first.last@example.org | -",
            "x+tag@example.org               | -",
            "@bob@localhost                  | -",
            "@bob@                           | -",
            "@bob@ hi                        | -",
            "@bob@-bad.example               | -",
            "@bob@example.org@more           | -",
            "@alicé                          | -",
            "@                               | -",
            "@ alice                         | -",
            "@.alice                         | -",
            "https://mastodon.example/@alice | -",
            "https://u:p@host.example/       | -",
            "=@alice /@alice .@alice -@alice | -",
            "@@alice                         | -",
    })
    void mentions(String text, String expected) {
        assertEquals(expected, mentionsIn(text));
    }

    @Test
    void mentionsAreBounded() {
        String name = "u".repeat(Mentions.MAX_USERNAME_LENGTH);
        assertEquals("@" + name + "@0-" + (name.length() + 1), mentionsIn("@" + name));
        assertEquals("-", mentionsIn("@" + name + "u"));
        String many = IntStream.range(0, 60).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
        assertEquals(Mentions.MAX_PER_TEXT, Mentions.distinct(many).size());
    }

    @Test
    void mentionKeysAndPaths() {
        Mention local = Mention.local("Alice");
        assertEquals("alice", local.key());
        assertEquals("/@alice", local.path());
        assertFalse(local.isRemote());
        Mention remote = Mention.remote("Bob", "Example.ORG");
        assertEquals(Optional.of("example.org"), remote.host());
        assertEquals("bob@example.org", remote.key());
        assertEquals("/@Bob@example.org", remote.path());
        assertEquals("@Bob@example.org", remote.display());
        assertTrue(remote.isRemote());
        assertEquals("/@anna@b%C3%BCcher.example", Mention.remote("anna", "bücher.example").path());
        assertEquals(List.of(Mention.local("alice"), Mention.remote("bob", "x.example")),
                Mentions.distinct("@alice @ALICE @bob@x.example @Bob@X.example"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "@alice                | @alice",
            "alice                 | @alice",
            "' @bob@example.org '  | @bob@example.org",
            "bob@example.org       | @bob@example.org",
            "https://example.org/@bob | ",
            "@alice and more       | ",
            "@bob@                 | ",
            "''                    | ",
    })
    void handleInput(String input, String expected) {
        assertEquals(Optional.ofNullable(expected), Mentions.parse(input).map(Mention::display));
    }

    @Test
    void linksTagsAndMentionsComeInOrderWithoutOverlap() {
        String text = "#first see https://x.example/a#b?c=@d and @e, then (https://x.example/q_(r)). #last";
        List<String> found = TextEntities.find(text).stream()
                .map(o -> o.entity().getClass().getSimpleName() + ":" + text.substring(o.start(), o.end()))
                .toList();
        assertEquals(List.of("Hashtag:#first", "WebLink:https://x.example/a#b?c=@d", "Mention:@e",
                "WebLink:https://x.example/q_(r)", "Hashtag:#last"), found);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.org                   | https://example.org",
            "http://example.org/a/b?c=d&e=f#g      | http://example.org/a/b?c=d&e=f#g",
            "see https://example.org.              | https://example.org",
            "\"https://example.org\"               | https://example.org",
            "https://example.org/a,b,c             | https://example.org/a,b,c",
            "https://example.org/a?!               | https://example.org/a",
            "[https://example.org/x]               | https://example.org/x",
            "https://example.org/wiki/A_(b)        | https://example.org/wiki/A_(b)",
            "https://example.org/<b>               | https://example.org/",
            "https://例え.jp/パス                   | https://例え.jp/パス",
            "https://                              | ",
            "https:///path                         | ",
            "xhttps://example.org                  | ",
            "ftp://example.org                     | ",
            "www.example.org                       | ",
    })
    void bareLinks(String text, String expected) {
        List<String> links = TextEntities.find(text).stream()
                .filter(o -> o.entity() instanceof WebLink)
                .map(o -> ((WebLink) o.entity()).url())
                .toList();
        assertEquals(expected == null ? List.of() : List.of(expected), links);
    }

    @Test
    void scanningIsLinear() {
        char[] noise = new char[200_000];
        Arrays.fill(noise, '#');
        String[] inputs = {new String(noise), "#a".repeat(100_000), "@a".repeat(100_000), "@a@b.".repeat(40_000),
                "http://".repeat(30_000), "http://a" + ")".repeat(200_000), "@a@" + "b.".repeat(100_000),
                "#" + "a".repeat(200_000)};
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String input : inputs) {
                TextEntities.find(input);
            }
        });
    }
}
