package org.atelier.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown subset: exact HTML for each feature, raw HTML shown as text, links and their
 * refusals, hashtags and mentions linked in text only, bounds, and pathological input.
 */
class MarkdownRendererTest {
    private static final MarkdownRenderer DESCRIPTIONS = MarkdownRenderer.forDescriptions();
    private static final String REL = "rel=\"nofollow noopener noreferrer ugc\"";

    private static String html(String markdown) {
        String out = DESCRIPTIONS.toHtml(markdown);
        AllowList.assertWithin(out, true);
        assertEquals(out, HtmlSanitizer.forLocalContent().sanitize(out), "output is already sanitised");
        return out;
    }

    static Stream<Arguments> features() {
        return Stream.of(
                Arguments.of("", ""),
                Arguments.of("Hello", "<p>Hello</p>"),
                Arguments.of("line one\nline two", "<p>line one<br>\nline two</p>"),
                Arguments.of("para one\n\npara two", "<p>para one</p>\n<p>para two</p>"),
                Arguments.of("hard  \nbreak\\\nslash", "<p>hard<br>\nbreak<br>\nslash</p>"),
                Arguments.of("*em* _em_ **strong** __strong__",
                        "<p><em>em</em> <em>em</em> <strong>strong</strong> <strong>strong</strong></p>"),
                Arguments.of("***both***", "<p><em><strong>both</strong></em></p>"),
                Arguments.of("~~struck~~ ~about~ 50 cm ~~~three~~~",
                        "<p><del>struck</del> ~about~ 50 cm ~~~three~~~</p>"),
                Arguments.of("`a < b` and ``x ` y``", "<p><code>a &lt; b</code> and <code>x ` y</code></p>"),
                Arguments.of("```\ncode <b>\n  indented\n```", "<pre><code>code &lt;b&gt;\n  indented\n</code></pre>"),
                Arguments.of("```js\nlet x = 1;\n```", "<pre><code>let x = 1;\n</code></pre>"),
                Arguments.of("> quoted\n> lines", "<blockquote>\n<p>quoted<br>\nlines</p>\n</blockquote>"),
                Arguments.of("> outer\n>> inner",
                        "<blockquote>\n<p>outer</p>\n<blockquote>\n<p>inner</p>\n</blockquote>\n</blockquote>"),
                Arguments.of("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>"),
                Arguments.of("* one\n+ two", "<ul>\n<li>one</li>\n</ul>\n<ul>\n<li>two</li>\n</ul>"),
                Arguments.of("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"),
                Arguments.of("3. three\n4. four", "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>"),
                Arguments.of("- outer\n  - inner", "<ul>\n<li>outer\n<ul>\n<li>inner</li>\n</ul>\n</li>\n</ul>"),
                Arguments.of("- loose\n\n- list", "<ul>\n<li>\n<p>loose</p>\n</li>\n<li>\n<p>list</p>\n</li>\n</ul>"),
                // headings: a bold paragraph, never h1-h6
                Arguments.of("# Heading *x*\ntext", "<p><strong>Heading <em>x</em></strong></p>\n<p>text</p>"),
                Arguments.of("###### six", "<p><strong>six</strong></p>"),
                Arguments.of("Title\n===", "<p><strong>Title</strong></p>"),
                Arguments.of("Title\n---", "<p><strong>Title</strong></p>"),
                // thematic breaks: a section-break paragraph (no hr in the allow-list)
                Arguments.of("one\n\n---\n\ntwo", "<p>one</p>\n<p>* * *</p>\n<p>two</p>"),
                // indented code blocks are not recognised: artists indent text, not code
                Arguments.of("    an indented\n    poem", "<p>an indented<br>\npoem</p>"),
                // tables are not supported
                Arguments.of("| a | b |\n|---|---|\n| 1 | 2 |", "<p>| a | b |<br>\n|---|---|<br>\n| 1 | 2 |</p>"),
                Arguments.of("\\*not em\\* \\# 5 &amp; &copy;", "<p>*not em* # 5 &amp; ©</p>"),
                // links
                Arguments.of("[link](https://example.org/a?b=1&c=2)",
                        "<p><a href=\"https://example.org/a?b=1&amp;c=2\" " + REL + ">link</a></p>"),
                Arguments.of("[*styled* link](https://example.org \"title dropped\")",
                        "<p><a href=\"https://example.org\" " + REL + "><em>styled</em> link</a></p>"),
                Arguments.of("<https://example.org>", "<p><a href=\"https://example.org\" " + REL + ">https://example.org</a></p>"),
                Arguments.of("[mail me](mailto:me@example.org)",
                        "<p><a href=\"mailto:me@example.org\" " + REL + ">mail me</a></p>"),
                Arguments.of("[my album](/@me/albums/1)", "<p><a href=\"/@me/albums/1\" " + REL + ">my album</a></p>"),
                Arguments.of("[ref] and [text][ref]\n\n[ref]: https://example.org/r",
                        "<p><a href=\"https://example.org/r\" " + REL + ">ref</a> and <a href=\"https://example.org/r\" "
                                + REL + ">text</a></p>"),
                Arguments.of("[relative](page.html) [fragment](#top) [proto](//evil.example/)",
                        "<p>relative fragment proto</p>"),
                // bare URLs
                Arguments.of("see https://example.org/path.", "<p>see <a href=\"https://example.org/path\" " + REL
                        + ">https://example.org/path</a>.</p>"),
                Arguments.of("(https://en.wikipedia.org/wiki/Gouache_(paint))",
                        "<p>(<a href=\"https://en.wikipedia.org/wiki/Gouache_(paint)\" " + REL
                                + ">https://en.wikipedia.org/wiki/Gouache_(paint)</a>)</p>"),
                Arguments.of("HTTP://EXAMPLE.ORG/X, then", "<p><a href=\"HTTP://EXAMPLE.ORG/X\" " + REL
                        + ">HTTP://EXAMPLE.ORG/X</a>, then</p>"),
                Arguments.of("www.example.org and ftp://example.org", "<p>www.example.org and ftp://example.org</p>"),
                // images: a link to the image, labelled with the alt text
                Arguments.of("![a *cat*](https://example.org/cat.png \"t\")",
                        "<p><a href=\"https://example.org/cat.png\" " + REL + ">a cat</a></p>"),
                Arguments.of("![](https://example.org/cat.png)",
                        "<p><a href=\"https://example.org/cat.png\" " + REL + ">https://example.org/cat.png</a></p>"),
                Arguments.of("[![badge](https://i.example/b.png)](https://example.org/)",
                        "<p><a href=\"https://example.org/\" " + REL + ">badge</a></p>"),
                Arguments.of("![tracker](data:image/png;base64,AAAA)", "<p>tracker</p>"));
    }

    @ParameterizedTest
    @MethodSource("features")
    void rendersTheSubset(String markdown, String expected) {
        assertEquals(expected, html(markdown));
    }

    static Stream<Arguments> rawHtml() {
        return Stream.of(
                Arguments.of("<b>bold?</b>", "<p>&lt;b&gt;bold?&lt;/b&gt;</p>", "<b>bold?</b>"),
                Arguments.of("<div>\nblock\n</div>", "<p>&lt;div&gt;<br>\nblock<br>\n&lt;/div&gt;</p>", "<div>\nblock\n</div>"),
                Arguments.of("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
                        "<script>alert(1)</script>"),
                Arguments.of("<!-- note -->", "<p>&lt;!-- note --&gt;</p>", "<!-- note -->"),
                Arguments.of("a <img src=x onerror=alert(1)> b", "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>",
                        "a <img src=x onerror=alert(1)> b"),
                Arguments.of("<a href=\"javascript:alert(1)\">x</a>",
                        "<p>&lt;a href=\"javascript:alert(1)\"&gt;x&lt;/a&gt;</p>", "<a href=\"javascript:alert(1)\">x</a>"));
    }

    @ParameterizedTest
    @MethodSource("rawHtml")
    void rawHtmlIsEscapedAndVisibleAsText(String markdown, String expected, String visible) {
        String out = html(markdown);
        assertEquals(expected, out);
        assertEquals(visible, HtmlSanitizer.plainText(out), "the reader sees what was typed");
    }

    static Stream<String> markdownXss() {
        Stream<String> markdown = Stream.of(
                "[x](javascript:alert(1))",
                "[x](JAVASCRIPT:alert(1))",
                "[x]( javascript:alert(1))",
                "[x](<javascript:alert(1)>)",
                "[x](&#106;avascript:alert(1))",
                "[x](java&#x09;script:alert(1))",
                "[x](java%0Ascript:alert(1))",
                "[x](javascript&colon;alert(1))",
                "<javascript:alert(1)>",
                "<JAVASCRIPT:alert(1)>",
                "![x](javascript:alert(1))",
                "[x]\n\n[x]: javascript:alert(1)",
                "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                "[x](vbscript:msgbox(1))",
                "[x](http://x.example \"title\\\" onclick=\\\"alert(1)\")",
                "[a](<http://x.example/\" onclick=\"alert(1)>)",
                "[a](http://x.example/\"onclick=\"alert(1))",
                "[a](http://x.example/'onclick='alert(1))",
                "```html\n<script>alert(1)</script>\n```",
                "`<script>alert(1)</script>`",
                "[x](//evil.example/)",
                "[x](/\\evil.example/)",
                "http://x.example/\"onmouseover=\"alert(1)",
                "https://x.example/<script>alert(1)</script>",
                "#tag\"onclick=\"alert(1) @user\"onclick=\"alert(1)",
                "[<img src=x onerror=alert(1)>](http://x.example/)",
                "![<svg onload=alert(1)>](http://x.example/i.png)");
        return Stream.concat(markdown, HtmlSanitizerTest.xssVectors());
    }

    @ParameterizedTest
    @MethodSource("markdownXss")
    void markdownVectorsLeaveNothingExecutable(String markdown) {
        String out = html(markdown);
        for (Element a : Jsoup.parseBodyFragment(out).select("a")) {
            assertFalse(a.attr("href").toLowerCase().contains("script"), out);
        }
    }

    @Test
    void hashtagsAndMentionsAreLinkedAndReported() {
        RenderedText r = DESCRIPTIONS.render("New #Watercolour for @alice and @Bob@Example.org, #watercolour again #水彩 #café");
        assertEquals("<p>New <a href=\"/tags/watercolour\" class=\"hashtag\" " + REL + ">#Watercolour</a> for "
                + "<a href=\"/@alice\" class=\"mention u-url\" " + REL + ">@alice</a> and "
                + "<a href=\"/@Bob@example.org\" class=\"mention u-url\" " + REL + ">@Bob@example.org</a>, "
                + "<a href=\"/tags/watercolour\" class=\"hashtag\" " + REL + ">#watercolour</a> again "
                + "<a href=\"/tags/%E6%B0%B4%E5%BD%A9\" class=\"hashtag\" " + REL + ">#水彩</a> "
                + "<a href=\"/tags/caf%C3%A9\" class=\"hashtag\" " + REL + ">#café</a></p>", r.html());
        assertEquals(List.of("Watercolour", "水彩", "café"), r.tags().stream().map(Hashtag::name).toList());
        assertEquals(List.of(Mention.local("alice"), Mention.remote("Bob", "example.org")), r.mentions());
    }

    @Test
    void entitiesAreNotLinkedInCodeOrLinks() {
        RenderedText r = DESCRIPTIONS.render("`#code @code https://c.example` [#link @link](https://example.org) "
                + "![#img @img](https://example.org/i.png) <https://example.org/#frag>\n\n```\n#block @block\n```");
        assertEquals(List.of(), r.tags());
        assertEquals(List.of(), r.mentions());
        assertEquals("<p><code>#code @code https://c.example</code> <a href=\"https://example.org\" " + REL
                + ">#link @link</a> <a href=\"https://example.org/i.png\" " + REL + ">#img @img</a> "
                + "<a href=\"https://example.org/#frag\" " + REL + ">https://example.org/#frag</a></p>\n"
                + "<pre><code>#block @block\n</code></pre>", r.html());
    }

    @Test
    void entitiesAreLinkedInsideFormattingQuotesListsAndHeadings() {
        RenderedText r = DESCRIPTIONS.render("# About #me\n\n> quoting @alice\n\n- **#bold** and _@bob_");
        assertEquals(List.of("me", "bold"), r.tags().stream().map(Hashtag::name).toList());
        assertEquals(List.of("alice", "bob"), r.mentions().stream().map(Mention::username).toList());
        assertEquals("<p><strong>About <a href=\"/tags/me\" class=\"hashtag\" " + REL + ">#me</a></strong></p>\n"
                + "<blockquote>\n<p>quoting <a href=\"/@alice\" class=\"mention u-url\" " + REL + ">@alice</a></p>\n"
                + "</blockquote>\n<ul>\n<li><strong><a href=\"/tags/bold\" class=\"hashtag\" " + REL + ">#bold</a></strong>"
                + " and <em><a href=\"/@bob\" class=\"mention u-url\" " + REL + ">@bob</a></em></li>\n</ul>", r.html());
    }

    @Test
    void urlsAndEmailAddressesAreNotTagsOrMentions() {
        RenderedText r = DESCRIPTIONS.render("https://x.example/#frag https://mastodon.example/@alice mail a@b.com");
        assertEquals(List.of(), r.tags());
        assertEquals(List.of(), r.mentions());
        assertEquals("<p><a href=\"https://x.example/#frag\" " + REL + ">https://x.example/#frag</a> "
                + "<a href=\"https://mastodon.example/@alice\" " + REL + ">https://mastodon.example/@alice</a> mail a@b.com</p>",
                r.html());
    }

    @Test
    void tagsAndMentionsBeyondTheCapsStayText() {
        String tags = IntStream.rangeClosed(1, Tags.MAX_PER_TEXT + 1).mapToObj(i -> "#t" + i).collect(Collectors.joining(" "));
        RenderedText r = DESCRIPTIONS.render(tags + " #t1");
        assertEquals(Tags.MAX_PER_TEXT, r.tags().size());
        String last = "#t" + (Tags.MAX_PER_TEXT + 1);
        assertTrue(r.html().contains(" " + last + " "), "the extra tag is plain text");
        assertTrue(r.html().endsWith(">#t1</a></p>"), "a repeat of an admitted tag is still linked");

        String mentions = IntStream.rangeClosed(1, Mentions.MAX_PER_TEXT + 5).mapToObj(i -> "@user" + i)
                .collect(Collectors.joining(" "));
        assertEquals(Mentions.MAX_PER_TEXT, DESCRIPTIONS.render(mentions).mentions().size());
    }

    @Test
    void lengthIsBoundedInCharacters() {
        assertEquals("<p>" + "a".repeat(10_000) + "</p>", DESCRIPTIONS.toHtml("a".repeat(10_000)));
        TextTooLongException e = assertThrows(TextTooLongException.class, () -> DESCRIPTIONS.toHtml("a".repeat(10_001)));
        assertEquals(10_000, e.limit());
        assertEquals(10_001, e.length());
        assertEquals("The text is 10,001 characters long; at most 10,000 are allowed.", e.getMessage());
        // characters, not UTF-16 units: 10,000 mathematical script letters are 20,000 chars
        String script = "𝒜".repeat(10_000);
        assertEquals("<p>" + script + "</p>", DESCRIPTIONS.toHtml(script));
        assertThrows(TextTooLongException.class, () -> MarkdownRenderer.forBios().toHtml("b".repeat(2_001)));
        assertEquals(500, MarkdownRenderer.withMaxLength(500).maxLength());
        assertThrows(IllegalArgumentException.class, () -> MarkdownRenderer.withMaxLength(0));
    }

    @Test
    void controlCharactersAreRemoved() {
        assertEquals("<p>abcd</p>", html("a\u0000b\u0007c\u009Bd\uD800"));
        assertEquals("<p>tab\tkept</p>", html("tab\tkept"));
        assertEquals("<p>crlf<br>\nlines</p>", html("crlf\r\nlines"));
    }

    @Test
    void linkCountIsBounded() {
        // one long reference used thousands of times must not expand into megabytes
        String markdown = "[a]: https://x.example/" + "y".repeat(3_000) + "\n\n" + "[a] ".repeat(1_700);
        String out = html(markdown);
        assertTrue(out.length() < 200_000, "output length " + out.length());
        String tags = "#a ".repeat(3_300);
        int links = Jsoup.parseBodyFragment(html(tags)).select("a").size();
        assertEquals(1_000, links);
    }

    @Test
    void tooDeepTreesFallBackToParagraphs() {
        RenderedText r = MarkdownRenderer.renderTree(MarkdownRenderer.plainParagraphs("*a*\n<b>\n\n\n#tag  \n"));
        assertEquals("<p>*a*<br>\n&lt;b&gt;</p>\n<p><a href=\"/tags/tag\" class=\"hashtag\" " + REL + ">#tag</a></p>",
                r.html());
    }

    static Stream<Arguments> pathological() {
        int n = MarkdownRenderer.DESCRIPTION_MAX_LENGTH;
        return Stream.of(
                Arguments.of("quotes", ">".repeat(n - 2) + " x"),
                Arguments.of("quote lines", "> ".repeat(n / 4) + "x\n".repeat(n / 4)),
                Arguments.of("stars", "*".repeat(n)),
                Arguments.of("stars around", "*".repeat(n / 2 - 1) + "a" + "*".repeat(n / 2)),
                Arguments.of("nested strong", "**a ".repeat(n / 8) + "b** ".repeat(n / 8)),
                Arguments.of("mixed emphasis", "*_".repeat(n / 4) + "_*".repeat(n / 4)),
                Arguments.of("alternating", "*a **b ".repeat(n / 7)),
                Arguments.of("underscores", "_a".repeat(n / 2)),
                Arguments.of("tildes", "~~a".repeat(n / 3)),
                Arguments.of("brackets", "[".repeat(n)),
                Arguments.of("nested links", "[a".repeat(n / 8) + "](b)".repeat(n / 8)),
                Arguments.of("nested images", "![a".repeat(n / 8) + "](b)".repeat(n / 8)),
                Arguments.of("angle brackets", "<".repeat(n)),
                Arguments.of("open tags", "<a ".repeat(n / 3)),
                Arguments.of("backticks", "`".repeat(n)),
                Arguments.of("code spans", "`a``".repeat(n / 4)),
                Arguments.of("nested lists", "- ".repeat(n / 2)),
                Arguments.of("indented lists", IntStream.range(0, 90).mapToObj(i -> " ".repeat(i) + "- x")
                        .collect(Collectors.joining("\n"))),
                Arguments.of("quoted lists", "> - ".repeat(n / 4)),
                Arguments.of("one long line", "word ".repeat(n / 5)),
                Arguments.of("one long word", "w".repeat(n)),
                Arguments.of("many lines", "a\n".repeat(n / 2)),
                Arguments.of("fences", "```\n".repeat(n / 4)),
                Arguments.of("backslashes", "\\".repeat(n)),
                Arguments.of("entities", "&amp;".repeat(n / 5)),
                Arguments.of("hashes", "#a".repeat(n / 2)),
                Arguments.of("ats", "@a@b.".repeat(n / 5)),
                Arguments.of("schemes", "http://".repeat(n / 7)),
                Arguments.of("url parens", "http://a" + ")".repeat(n - 10)),
                Arguments.of("link defs", "[a]: http://x\n".repeat(n / 14)),
                Arguments.of("headings", "# ".repeat(n / 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pathological")
    void pathologicalInputFinishesQuickly(String name, String markdown) {
        String out = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> DESCRIPTIONS.toHtml(markdown));
        AllowList.assertWithin(out, true);
        int depth = maxDepth(Jsoup.parseBodyFragment(out).body());
        assertTrue(depth <= HtmlSanitizer.MAX_DEPTH, name + " depth " + depth);
    }

    private static int maxDepth(Element element) {
        int max = 0;
        for (Element child : element.children()) {
            max = Math.max(max, 1 + maxDepth(child));
        }
        return max;
    }

    @Test
    void parserCapsKeepTreesShallow() {
        for (String markdown : List.of("**a ".repeat(1_000) + "b** ".repeat(1_000), "> - ".repeat(2_000),
                "[*a ".repeat(700) + "b*](x) ".repeat(700), "~~**_a ".repeat(500) + "b_**~~ ".repeat(500))) {
            String out = DESCRIPTIONS.toHtml(markdown);
            assertTrue(maxDepth(Jsoup.parseBodyFragment(out).body()) < MarkdownRenderer.MAX_TREE_DEPTH);
        }
    }

    @Test
    void renderingIsThreadSafe() throws Exception {
        List<String> inputs = List.of("*a* #one @two https://x.example", "> q\n\n- l\n- m #three", "```\ncode\n```");
        List<String> expected = inputs.stream().map(DESCRIPTIONS::toHtml).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<String>>> results = IntStream.range(0, 400).mapToObj(i -> pool.submit(() -> {
                int k = i % inputs.size();
                String out = DESCRIPTIONS.toHtml(inputs.get(k));
                return out.equals(expected.get(k)) ? Optional.<String>empty() : Optional.of(out);
            })).toList();
            for (Future<Optional<String>> f : results) {
                assertEquals(Optional.empty(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
