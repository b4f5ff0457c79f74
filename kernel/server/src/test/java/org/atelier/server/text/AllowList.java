package org.atelier.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The test's own statement of the allow-list, independent of the code under test: parses output
 * with jsoup and fails on any element, attribute, class or link target outside it, then checks
 * the raw string for markup that must never appear whatever the parse says.
 */
final class AllowList {
    static final Set<String> TAGS = Set.of(
            "p", "br", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "span");
    static final Map<String, Set<String>> ATTRIBUTES = Map.of(
            "a", Set.of("href", "class", "rel"),
            "span", Set.of("class"),
            "ol", Set.of("start"));
    static final Set<String> CLASSES = Set.of("h-card", "mention", "hashtag", "invisible", "ellipsis", "u-url");
    static final String REL = "nofollow noopener noreferrer ugc";

    /** An opening or closing tag in serialised HTML (text is escaped, so every '<' is a tag). */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern DANGEROUS_ELEMENT = Pattern.compile(
            "<\\s*/?\\s*(script|img|svg|math|iframe|frame|style|form|object|embed|meta|base|link|input|button"
                    + "|textarea|video|audio|source|details|template|noscript|xmp|plaintext|isindex|table|div"
                    + "|body|html|title|marquee|xss)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_IN_TAG = Pattern.compile(
            "\\son[a-z]+\\s*=|javascript|vbscript|data:|style\\s*=|target\\s*=|srcdoc|formaction|xlink|expression\\(",
            Pattern.CASE_INSENSITIVE);

    private AllowList() {
    }

    /**
     * Fails unless the HTML is within the allow-list.
     *
     * @param html              sanitiser or renderer output
     * @param siteRelativeLinks whether {@code /path} links are acceptable (local content)
     */
    static void assertWithin(String html, boolean siteRelativeLinks) {
        Element body = Jsoup.parseBodyFragment(html).body();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment || node instanceof DataNode) {
                fail("comment or data node in output: " + node.outerHtml() + "\nin: " + html);
            }
            if (node instanceof Element el && el != body) {
                assertTrue(TAGS.contains(el.normalName()), "element <" + el.normalName() + "> in: " + html);
                Set<String> allowed = ATTRIBUTES.getOrDefault(el.normalName(), Set.of());
                for (Attribute attr : el.attributes()) {
                    assertTrue(allowed.contains(attr.getKey()),
                            "attribute " + attr.getKey() + " on <" + el.normalName() + "> in: " + html);
                }
                if (el.hasAttr("class")) {
                    for (String c : el.classNames()) {
                        assertTrue(CLASSES.contains(c), "class " + c + " in: " + html);
                    }
                }
                if (el.normalName().equals("ol") && el.hasAttr("start")) {
                    assertTrue(el.attr("start").matches("[0-9]+"), "ol start in: " + html);
                }
                if (el.normalName().equals("a")) {
                    assertEquals(REL, el.attr("rel"), "rel of a link in: " + html);
                    assertTrue(el.hasAttr("href"), "a link without href in: " + html);
                    assertTrue(safeHref(el.attr("href"), siteRelativeLinks), "href " + el.attr("href") + " in: " + html);
                }
            }
        }, body);
        assertFalse(DANGEROUS_ELEMENT.matcher(html).find(), "dangerous element in: " + html);
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            assertFalse(DANGEROUS_IN_TAG.matcher(tags.group()).find(), "dangerous attribute in " + tags.group());
        }
    }

    /** Exactly what a link target may look like, from scratch rather than from {@code Urls}. */
    private static boolean safeHref(String href, boolean siteRelativeLinks) {
        for (char c : href.toCharArray()) {
            if (c <= 0x20 || c == 0x7f) {
                return false;
            }
        }
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            return true;
        }
        return siteRelativeLinks && href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\");
    }
}
