package org.atelier.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allow-list sanitiser against filter-evasion vectors in the style of OWASP's cheat sheet,
 * against real-looking Mastodon markup, and for idempotence, plain text and bounds.
 */
class HtmlSanitizerTest {
    private static final HtmlSanitizer REMOTE = HtmlSanitizer.forRemoteContent();
    private static final HtmlSanitizer LOCAL = HtmlSanitizer.forLocalContent();
    private static final String REL = "rel=\"nofollow noopener noreferrer ugc\"";

    /** Vectors that must leave nothing executable, whatever else they leave. */
    static Stream<String> xssVectors() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
                "<scr<script>ipt>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<IMG SRC=\"javascript:alert('XSS');\">",
                "<IMG SRC=JaVaScRiPt:alert('XSS')>",
                "<img \"\"\"><script>alert(1)</script>\">",
                "<svg onload=alert(1)>",
                "<svg/onload=alert(1)>",
                "<svg><script>alert(1)</script></svg>",
                "<body onload=alert(1)>text",
                "<a href=\"javascript:alert(1)\">x</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"  javascript:alert(1)\">x</a>",
                "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
                "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
                "<a href=\"jav&#x0D;ascript:alert(1)\">x</a>",
                "<a href=\"jav\tascript:alert(1)\">x</a>",
                "<a href=\"java\u0000script:alert(1)\">x</a>",
                "<a href=\" &#14;  javascript:alert(1)\">x</a>",
                "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
                "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
                        + "&#0000116&#0000058alert(1)\">x</a>",
                "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
                "<a href=\"javas&#99;ript:alert(1)\">x</a>",
                "<a href=\"javascript&colon;alert(1)\">x</a>",
                "<a href=\"jAvAsCrIpT&colon;alert&lpar;1&rpar;\">x</a>",
                "<a href=\"\u2028javascript:alert(1)\">x</a>",
                "<a href=javascript:alert(1)>x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
                "<a href=\"DATA:text/html,<script>alert(1)</script>\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"http://x.example/\" onclick=\"alert(1)\">x</a>",
                "<a href=\"http://x.example/\" ONCLICK=alert(1)>x</a>",
                "<a href=\"http://x.example/\" style=\"position:fixed;top:0;left:0\">x</a>",
                "<a href=\"http://x.example/\" title='\"><script>alert(1)</script>'>x</a>",
                "<a href='http://x.example/\"onmouseover=\"alert(1)'>x</a>",
                "<p class=\"x\" onmouseover=\"alert(1)\"\">x</p>",
                "<a href=\"javascript:alert(1)\" <b>unclosed",
                "<a href=\"http://x.example/",
                "<p><em><strong>unclosed <a href=\"http://x.example/\">link",
                "<iframe src=\"javascript:alert(1)\"></iframe>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<style>body{background:url(\"javascript:alert(1)\")}</style>",
                "<p style=\"background-image:url(javascript:alert(1))\">x</p>",
                "<div style=\"width: expression(alert(1))\">x</div>",
                "<form action=\"javascript:alert(1)\"><input type=submit></form>",
                "<button formaction=javascript:alert(1)>x</button>",
                "<input autofocus onfocus=alert(1)>",
                "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
                "<!--[if]><script>alert(1)</script -->",
                "<!--><script>alert(1)</script>-->",
                "<![CDATA[<script>alert(1)</script>]]>",
                "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1"
                        + "&Tab;onerror=alert(1)&gt;\">",
                "<svg><p><style><img src=x onerror=alert(1)></style></p></svg>",
                "<math><a xlink:href=\"javascript:alert(1)\">x</a></math>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
                "<svg><foreignObject><p><a href=\"javascript:alert(1)\">x</a></p></foreignObject></svg>",
                "<math><mi><p><a href=\"http://x.example/\"><object><a href=\"javascript:alert(1)\">y</a>",
                "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
                "<object data=\"javascript:alert(1)\"></object>",
                "<embed src=\"javascript:alert(1)\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
                "<base href=\"javascript:/\"><a href=\"/x\">x</a>",
                "<link rel=stylesheet href=\"javascript:alert(1)\">",
                "<details open ontoggle=alert(1)>x</details>",
                "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
                "<video><source onerror=\"alert(1)\"></video>",
                "<isindex type=image src=1 onerror=alert(1)>",
                "<template><script>alert(1)</script></template>",
                "<xmp><img src=x onerror=alert(1)></xmp>",
                "<textarea><script>alert(1)</script></textarea>",
                "<plaintext><script>alert(1)</script>",
                "<xss onpointerover=alert(1)>hover</xss>",
                "<span class=\"invisible\" onclick=alert(1) style=display:block>x</span>",
                "<ul><li onclick=alert(1)>x</li></ul>",
                "<ol start=\"1 onclick=alert(1)\"><li>x</li></ol>",
                "<ol start=\"javascript:alert(1)\"><li>x</li></ol>",
                "<a href=\"https://ok.example/\" rel=\"opener\" target=\"_blank\">x</a>",
                "<a href=\"//evil.example/\">protocol-relative</a>",
                "<a href=\"/\\evil.example/\">backslash</a>",
                "<a href=\"https:evil\">no authority</a>",
                "<a href=\"&#x68;ttps://ok.example/\" onmouseover=alert(1)>x</a>",
                "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
                "<code onclick=alert(1)>c</code><pre style=x>p</pre>",
                "<a href=\"http://x.example/\"><a href=\"javascript:alert(1)\">nested</a></a>");
    }

    @ParameterizedTest
    @MethodSource("xssVectors")
    void remoteVectorsLeaveNothingExecutable(String vector) {
        String out = REMOTE.sanitize(vector);
        AllowList.assertWithin(out, false);
        assertEquals(out, REMOTE.sanitize(out), "idempotent");
    }

    @ParameterizedTest
    @MethodSource("xssVectors")
    void localVectorsLeaveNothingExecutable(String vector) {
        String out = LOCAL.sanitize(vector);
        AllowList.assertWithin(out, true);
        assertEquals(out, LOCAL.sanitize(out), "idempotent");
    }

    @Test
    void scriptAndStyleContentIsDroppedNotShown() {
        assertEquals("<p>before after</p>", REMOTE.sanitize("<p>before <script>alert(1)</script>after</p>"));
        assertEquals("<p>a</p>", REMOTE.sanitize("<style>p{}</style><p>a</p>"));
    }

    @Test
    void textThatLooksLikeMarkupStaysEscapedText() {
        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt;</p>",
                REMOTE.sanitize("<p>&lt;img src=x onerror=alert(1)&gt;</p>"));
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;",
                REMOTE.sanitize("<textarea><script>alert(1)</script></textarea>"));
        assertEquals("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>", REMOTE.sanitize("<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>"));
    }

    @Test
    void refusedLinksKeepTheirText() {
        assertEquals("<p>click</p>", REMOTE.sanitize("<p><a href=\"javascript:alert(1)\">click</a></p>"));
        assertEquals("x", REMOTE.sanitize("<a href=\"jav&#x09;ascript:alert(1)\">x</a>"));
        assertEquals("x", REMOTE.sanitize("<a name=\"anchor\">x</a>"));
    }

    @Test
    void linksGetRelAndLoseTarget() {
        assertEquals("<a href=\"https://ok.example/\" " + REL + ">x</a>",
                REMOTE.sanitize("<a href=\"https://ok.example/\" rel=\"opener\" target=\"_blank\">x</a>"));
        assertEquals("<a href=\"mailto:someone@example.org\" " + REL + ">mail</a>",
                REMOTE.sanitize("<a href=\"mailto:someone@example.org\">mail</a>"));
        // jsoup normalises the scheme's case; the host is left alone
        assertEquals("<a href=\"https://OK.example/\" " + REL + ">case</a>",
                REMOTE.sanitize("<a href=\"HTTPS://OK.example/\">case</a>"));
    }

    @Test
    void browserIgnoredWhitespaceIsRemovedFromKeptLinks() {
        assertEquals("<a href=\"https://ok.example/a\" " + REL + ">x</a>",
                REMOTE.sanitize("<a href=\" &#x09;https://ok.exa&#x0A;mple/a \">x</a>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tags/art          | true  | false",
            "/@alice            | true  | false",
            "//evil.example/    | false | false",
            "/\\evil.example/   | false | false",
            "relative/path      | false | false",
            "#fragment          | false | false",
            "?query             | false | false",
            "https://ok.example | true  | true",
    })
    void siteRelativeLinksOnlyInLocalContent(String href, boolean local, boolean remote) {
        String html = "<a href=\"" + href + "\">x</a>";
        assertEquals(local, LOCAL.sanitize(html).contains("href="), "local " + href);
        assertEquals(remote, REMOTE.sanitize(html).contains("href="), "remote " + href);
    }

    @Test
    void classesAreFilteredToMastodonsMicroformats() {
        assertEquals("<span class=\"invisible\">x</span>",
                REMOTE.sanitize("<span class=\"invisible admin-badge\">x</span>"));
        assertEquals("<span>x</span>", REMOTE.sanitize("<span class=\"button primary\">x</span>"));
        assertEquals("<p>x</p>", REMOTE.sanitize("<p class=\"mention\">x</p>"));
        assertEquals("<a href=\"https://m.example/tags/art\" class=\"mention hashtag\" " + REL + ">#art</a>",
                REMOTE.sanitize("<a href=\"https://m.example/tags/art\" class=\"mention hashtag status-link\">#art</a>"));
    }

    @Test
    void numberedListsKeepANumericStart() {
        assertEquals("<ol start=\"3\"><li>x</li></ol>", REMOTE.sanitize("<ol start=\"3\" type=\"a\"><li>x</li></ol>"));
        assertEquals("<ol><li>x</li></ol>", REMOTE.sanitize("<ol start=\"-1\"><li>x</li></ol>"));
    }

    @Test
    void peersPresentationalMarkupIsMappedToTheAllowList() {
        assertEquals("<strong>b</strong><em>i</em><del>s</del><del>strike</del>",
                REMOTE.sanitize("<b>b</b><i>i</i><s>s</s><strike>strike</strike>"));
        assertEquals("<p><strong>Title <em>x</em></strong></p><p>body</p>",
                REMOTE.sanitize("<h1>Title <i>x</i></h1><p>body</p>"));
        // a table closes the paragraph it is in; its cells' text is kept
        assertEquals("<p></p>cell one cell two<p></p>",
                REMOTE.sanitize("<p><table><tr><td>cell one </td><td>cell two</td></tr></table></p>"));
    }

    /** A status as Mastodon 4.x federates it: h-card mentions, hashtags, a shortened link. */
    private static final String MASTODON_STATUS = "<p><span class=\"h-card\" translate=\"no\"><a href=\"https://mastodon.social/@Gargron\""
            + " class=\"u-url mention\">@<span>Gargron</span></a></span> new piece for the zine 🎨 "
            + "<a href=\"https://mastodon.social/tags/Watercolour\" class=\"mention hashtag\" rel=\"tag\">#<span>Watercolour</span></a> "
            + "<a href=\"https://mastodon.social/tags/%E6%B0%B4%E5%BD%A9\" class=\"mention hashtag\" rel=\"tag\">#<span>水彩</span></a></p>"
            + "<p>process notes: <a href=\"https://blog.example.org/2025/03/washes-and-glazes-for-beginners\" target=\"_blank\""
            + " rel=\"nofollow noopener noreferrer\" translate=\"no\"><span class=\"invisible\">https://</span>"
            + "<span class=\"ellipsis\">blog.example.org/2025/03/washes</span><span class=\"invisible\">-and-glazes-for-beginners"
            + "</span></a><br />cc <span class=\"h-card\" translate=\"no\"><a href=\"https://pixelfed.example/@ink.and.paper\""
            + " class=\"u-url mention\">@<span>ink.and.paper</span></a></span></p>";

    @Test
    void mastodonStatusKeepsMentionsHashtagsAndShortenedLinks() {
        String out = REMOTE.sanitize(MASTODON_STATUS);
        assertEquals("<p><span class=\"h-card\"><a href=\"https://mastodon.social/@Gargron\" class=\"u-url mention\" " + REL
                + ">@<span>Gargron</span></a></span> new piece for the zine 🎨 "
                + "<a href=\"https://mastodon.social/tags/Watercolour\" class=\"mention hashtag\" " + REL
                + ">#<span>Watercolour</span></a> "
                + "<a href=\"https://mastodon.social/tags/%E6%B0%B4%E5%BD%A9\" class=\"mention hashtag\" " + REL
                + ">#<span>水彩</span></a></p>"
                + "<p>process notes: <a href=\"https://blog.example.org/2025/03/washes-and-glazes-for-beginners\" " + REL + ">"
                + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">blog.example.org/2025/03/washes</span>"
                + "<span class=\"invisible\">-and-glazes-for-beginners</span></a><br>"
                + "cc <span class=\"h-card\"><a href=\"https://pixelfed.example/@ink.and.paper\" class=\"u-url mention\" " + REL
                + ">@<span>ink.and.paper</span></a></span></p>", out);
        AllowList.assertWithin(out, false);
        assertEquals(out, REMOTE.sanitize(out));
        assertEquals("@Gargron new piece for the zine 🎨 #Watercolour #水彩\n\n"
                + "process notes: https://blog.example.org/2025/03/washes-and-glazes-for-beginners\n"
                + "cc @ink.and.paper", HtmlSanitizer.plainText(MASTODON_STATUS));
    }

    @Test
    void otherPeersMarkupStaysReadable() {
        // Pixelfed / GoToSocial / Misskey-ish: classes we do not know, spans, a lone <br>
        String html = "<p>Sunset study<br><a href=\"https://pixelfed.example/discover/tags/oilpainting?src=hash\""
                + " class=\"u-url hashtag\" rel=\"external nofollow noopener\">#oilpainting</a> by"
                + " <a class=\"u-url mention\" href=\"https://gts.example/@lou\">@lou</a></p>";
        String out = REMOTE.sanitize(html);
        assertEquals("<p>Sunset study<br><a href=\"https://pixelfed.example/discover/tags/oilpainting?src=hash\""
                + " class=\"u-url hashtag\" " + REL + ">#oilpainting</a> by <a class=\"u-url mention\""
                + " href=\"https://gts.example/@lou\" " + REL + ">@lou</a></p>", out);
    }

    @Test
    void sanitisingIsIdempotentOnGeneratedTagSoup() {
        // fragments chosen to provoke the parser's repairs: misnested formatting, blocks in
        // inline elements, scoping elements (object, table, svg) between paragraphs, bad links
        List<String> parts = List.of("<p>", "</p>", "<a href=\"https://a.example/\">", "<a href=\"javascript:x\">",
                "</a>", "<b>", "</b>", "<i>", "<em>", "</em>", "<strong>", "</strong>", "<del>", "<ul>", "<li>",
                "</li>", "</ul>", "<ol start=\"2\">", "</ol>", "<blockquote>", "</blockquote>", "<pre>", "</pre>",
                "<code>", "</code>", "<br>", "<span class=\"h-card x\">", "</span>", "<div>", "</div>", "<object>",
                "</object>", "<table>", "<tr>", "<td>", "</table>", "<svg>", "</svg>", "<math>", "<mi>", "<h2>", "</h2>",
                "<img src=x onerror=alert(1)>", "<script>", "</script>", "<!--", "-->", "text ", "#tag ", "&amp; ",
                "&lt;", " ", "\n", "<button>", "<marquee>", "<template>", "</template>", "<select>", "<option>",
                "<textarea>", "<noscript>", "<style>", "</style>", "<frameset>", "<p title=\"</p><img>\">");
        Random random = new Random(20250314L);
        for (int n = 0; n < 3000; n++) {
            StringBuilder soup = new StringBuilder();
            int length = 1 + random.nextInt(25);
            for (int i = 0; i < length; i++) {
                soup.append(parts.get(random.nextInt(parts.size())));
            }
            String input = soup.toString();
            for (HtmlSanitizer sanitizer : List.of(REMOTE, LOCAL)) {
                String once = sanitizer.sanitize(input);
                AllowList.assertWithin(once, sanitizer == LOCAL);
                assertEquals(once, sanitizer.sanitize(once), "not idempotent for: " + input);
            }
        }
    }

    @Test
    void deepNestingIsFlattened() {
        String html = "<blockquote>".repeat(200) + "deep" + "</blockquote>".repeat(200);
        String out = REMOTE.sanitize(html);
        int depth = out.split("<blockquote>", -1).length - 1;
        assertEquals(HtmlSanitizer.MAX_DEPTH, depth);
        assertTrue(out.contains("deep"));
        assertEquals(out, REMOTE.sanitize(out));
    }

    @Test
    void plainTextHasParagraphsLinesAndItems() {
        assertEquals("One two\nthree\n\nQuote\n\nfirst\nsecond\n\n  code\n    kept",
                HtmlSanitizer.plainText("<p>One   two<br>three</p><blockquote><p>Quote</p></blockquote>"
                        + "<ul><li>first</li><li>second</li></ul><pre>  code\n    kept</pre>"));
        assertEquals("x", HtmlSanitizer.plainText("<script>alert(1)</script><style>p{}</style>x"));
        assertEquals("", HtmlSanitizer.plainText(""));
        assertEquals("a < b & c", HtmlSanitizer.plainText("a &lt; b &amp; c"));
    }

    @Test
    void plainTextTruncatesAtAWord() {
        String html = "<p>Layered washes of ultramarine and burnt sienna</p>";
        assertEquals("Layered washes of…", HtmlSanitizer.plainText(html, 20));
        assertEquals("Layered washes of ultramarine and burnt sienna", HtmlSanitizer.plainText(html, 100));
        assertEquals("Layeredwashesofultr…", HtmlSanitizer.plainText("Layeredwashesofultramarine", 20));
        assertEquals("水彩水…", HtmlSanitizer.plainText("水彩水彩水彩", 4));
    }

    @Test
    void emptyAndPlainInput() {
        assertEquals("", REMOTE.sanitize(""));
        assertEquals("", REMOTE.sanitize("   \n "));
        assertEquals("just text", REMOTE.sanitize("just text"));
        assertEquals("non&nbsp;breaking", REMOTE.sanitize("non\u00A0breaking"));
    }

    @Test
    void oversizedInputIsRefused() {
        String html = "<p>" + "x".repeat(HtmlSanitizer.MAX_INPUT_LENGTH) + "</p>";
        TextTooLongException e = assertThrows(TextTooLongException.class, () -> REMOTE.sanitize(html));
        assertEquals(HtmlSanitizer.MAX_INPUT_LENGTH, e.limit());
        assertEquals(html.length(), e.length());
        assertThrows(TextTooLongException.class, () -> HtmlSanitizer.plainText(html));
    }

    static Stream<String> pathologicalHtml() {
        int n = HtmlSanitizer.MAX_INPUT_LENGTH;
        return Stream.of(
                "<div>".repeat(n / 5),
                "<blockquote>".repeat(n / 12),
                "<b><i><em>".repeat(n / 11),
                "<a href='http://x.example/'><b>".repeat(n / 32),
                "<table><tr><td>".repeat(n / 15),
                "<p><object>".repeat(n / 11),
                "<svg><math>".repeat(n / 11),
                "<!--".repeat(n / 4),
                "<".repeat(n),
                "<a href=\"" + "x".repeat(n - 20) + "\">",
                "&#106;".repeat(n / 6),
                "x ".repeat(n / 2));
    }

    @ParameterizedTest
    @MethodSource("pathologicalHtml")
    void pathologicalHtmlFinishesQuickly(String html) {
        String out = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> REMOTE.sanitize(html));
        AllowList.assertWithin(out, false);
        // escaping '<' as '&lt;' is the most any input can grow
        assertFalse(out.length() > html.length() * 4, "output does not balloon");
    }
}
