package org.atelier.server.text;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The allow-list HTML sanitiser for everything shown as rich text: Markdown rendered here and
 * HTML that peers send (Mastodon, Pixelfed, GoToSocial…). Built on jsoup's {@link Cleaner}, which
 * rebuilds the document from scratch keeping only what the {@link Safelist} names; what a
 * safelist cannot say (class values, link targets as browsers read them, depth) is settled on the
 * parsed input just before.
 *
 * <p>What survives:
 * <ul>
 * <li>elements {@code p br a em strong del code pre blockquote ul ol li span}; remote {@code b i
 * s strike} become {@code strong em del del}, and {@code h1}–{@code h6} become a paragraph in
 * {@code strong}, so peers' formatting stays readable; every other element is removed but its
 * text kept, except {@code script}, {@code style} and the like, whose content goes too;
 * <li>{@code a[href]} with an {@code http}, {@code https} or {@code mailto} target (checked as a
 * browser reads it: control characters and whitespace that browsers ignore cannot hide a
 * {@code javascript:}), plus site-relative {@code /paths} in {@linkplain #forLocalContent() local
 * content}; a link whose target is refused is unwrapped to its text;
 * <li>{@code class} on {@code a} and {@code span}, keeping only the classes Mastodon's markup
 * needs ({@code h-card mention hashtag invisible ellipsis u-url}), so mentions and hashtags stay
 * recognisable and long links keep their shortened look, while a peer cannot borrow the theme's
 * own classes to dress text up as interface;
 * <li>{@code ol[start]} when it is a number, so a list that starts at 3 still does.
 * </ul>
 * Every link gets {@code rel="nofollow noopener noreferrer ugc"}: user content must pass no
 * search ranking ({@code nofollow ugc}), and the target page gets neither a handle on ours nor
 * our URL. {@code target} is never kept: whether a link opens a new tab is the reader's choice
 * (and without it there is no {@code window.opener} to protect). No {@code style}, no event
 * handlers, no other attributes at all.
 *
 * <p>Elements nested deeper than {@value #MAX_DEPTH} levels are unwrapped (their text kept), so
 * no input can make a page that browsers and templates struggle to lay out.
 *
 * <p>The output is well-formed (every element closed, properly nested) and idempotent:
 * sanitising it again returns it unchanged. Removing elements can leave a tree that an HTML
 * parser would build differently (a {@code p} left inside a {@code p} when an {@code object}
 * between them goes), so the result is re-parsed and cleaned until it is stable, which takes one
 * extra round for ordinary input.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class HtmlSanitizer {
    /** Longest HTML accepted, in UTF-16 characters; longer input is refused, not truncated. */
    public static final int MAX_INPUT_LENGTH = 200_000;
    /** The {@code rel} every link carries. */
    public static final String LINK_REL = "nofollow noopener noreferrer ugc";
    /** Deepest element nesting kept; deeper elements are unwrapped. */
    public static final int MAX_DEPTH = 32;

    /** The elements that may appear in the output. */
    static final Set<String> ALLOWED_TAGS = Set.of(
            "p", "br", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "span");
    /** The classes that may appear on {@code a} and {@code span}: Mastodon's microformats. */
    static final Set<String> ALLOWED_CLASSES = Set.of(
            "h-card", "mention", "hashtag", "invisible", "ellipsis", "u-url");

    /**
     * jsoup resolves relative links against a base URI before checking their protocol; local
     * content is parsed with this placeholder (never emitted) so that a {@code /tags/x} that
     * {@link Urls#safeHref} accepted also passes jsoup's own check, which runs after it.
     */
    private static final String LOCAL_BASE = "https://atelier.invalid/";
    private static final int MAX_ROUNDS = 4;
    /** The name given to elements to unwrap: not in the safelist, and no real element's. */
    private static final String UNWRAP = "atelier-unwrap";

    private static final HtmlSanitizer LOCAL = new HtmlSanitizer(true);
    private static final HtmlSanitizer REMOTE = new HtmlSanitizer(false);

    private final boolean siteRelativeLinks;
    private final Cleaner cleaner;

    private HtmlSanitizer(boolean siteRelativeLinks) {
        this.siteRelativeLinks = siteRelativeLinks;
        Safelist safelist = new Safelist()
                .addTags(ALLOWED_TAGS.toArray(String[]::new))
                .addAttributes("a", "href", "class")
                .addAttributes("span", "class")
                .addAttributes("ol", "start")
                .addProtocols("a", "href", "http", "https", "mailto")
                .addEnforcedAttribute("a", "rel", LINK_REL)
                .preserveRelativeLinks(siteRelativeLinks);
        // the safelist is never changed after this, which is what makes sharing the Cleaner safe
        this.cleaner = new Cleaner(safelist);
    }

    /**
     * The sanitiser for HTML this instance produced from its users' text (rendered Markdown):
     * site-relative links such as {@code /tags/art} and {@code /@alice} are kept.
     *
     * @return the shared instance
     */
    public static HtmlSanitizer forLocalContent() {
        return LOCAL;
    }

    /**
     * The sanitiser for HTML from other servers: only absolute {@code http(s)} and
     * {@code mailto} links are kept, since a peer's relative link means nothing here and one
     * pointing at this instance's own pages would be a spoof.
     *
     * @return the shared instance
     */
    public static HtmlSanitizer forRemoteContent() {
        return REMOTE;
    }

    /**
     * Sanitises an HTML fragment.
     *
     * @param html untrusted HTML (a body fragment; anything outside the body is dropped)
     * @return HTML within the allow-list, trimmed; empty when nothing is left
     * @throws TextTooLongException when longer than {@link #MAX_INPUT_LENGTH}
     */
    public String sanitize(String html) {
        checkLength(html);
        return sanitizeUnbounded(html);
    }

    /**
     * {@link #sanitize(String)} without the input bound, for HTML this server rendered from
     * bounded input (rendered Markdown can legitimately be several times longer than its source).
     */
    String sanitizeUnbounded(String html) {
        String out = serialise(cleanOnce(html));
        for (int round = 1; round < MAX_ROUNDS; round++) {
            String again = serialise(cleanOnce(out));
            if (again.equals(out)) {
                return out;
            }
            out = again;
        }
        // never seen; if parsing ever kept changing the tree, fall back to text, which is stable
        String text = new TextCollector().collect(cleanOnce(out).body());
        return serialise(cleanOnce("<p>" + Entities.escape(text) + "</p>"));
    }

    /**
     * The readable text of an HTML fragment, for summaries, notifications and alt-text
     * fallbacks: paragraphs separated by a blank line, line breaks and list items on their own
     * lines, runs of spaces collapsed (except in {@code pre}), scripts and styles dropped, every
     * character of a link's text kept (Mastodon's hidden {@code invisible} parts of long URLs
     * included, so the URL is whole). The result is plain text: escape it before putting it into
     * HTML.
     *
     * @param html untrusted HTML
     * @return the text, trimmed
     * @throws TextTooLongException when longer than {@link #MAX_INPUT_LENGTH}
     */
    public static String plainText(String html) {
        checkLength(html);
        return new TextCollector().collect(REMOTE.cleanOnce(html).body());
    }

    /**
     * {@link #plainText(String)} shortened to at most {@code maxLength} characters (code
     * points), cut at a word boundary when one is near and ending in {@code …} when cut.
     *
     * @param html      untrusted HTML
     * @param maxLength the most characters returned, at least 1
     * @return the text
     */
    public static String plainText(String html, int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + maxLength);
        }
        String text = plainText(html);
        if (text.codePointCount(0, text.length()) <= maxLength) {
            return text;
        }
        int cut = text.offsetByCodePoints(0, maxLength - 1);
        int space = cut;
        while (space > 0 && !Character.isWhitespace(text.charAt(space))) {
            space--;
        }
        // prefer a word boundary unless that would throw away more than a fifth of the room
        if (space > 0 && text.codePointCount(0, space) >= maxLength * 4 / 5) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static void checkLength(String html) {
        if (html.length() > MAX_INPUT_LENGTH) {
            throw new TextTooLongException(MAX_INPUT_LENGTH, html.length());
        }
    }

    /** One round: parse, prepare, clean against the safelist. */
    private Document cleanOnce(String html) {
        Document dirty = Jsoup.parseBodyFragment(html, siteRelativeLinks ? LOCAL_BASE : "");
        prepare(dirty.body());
        Document clean = cleaner.clean(dirty);
        for (Element a : clean.body().select("a:not([href])")) {
            // prepare() already unwrapped these; this only guards against jsoup refusing a
            // target Urls.safeHref accepted, which would leave a link without a target
            a.unwrap();
        }
        clean.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return clean;
    }

    private static String serialise(Document clean) {
        return clean.body().html().strip();
    }

    /**
     * Everything a safelist cannot express, done on the parsed input before jsoup's Cleaner
     * copies it: mapping peers' presentational elements, class values, link targets as browsers
     * read them, numeric list starts, and the depth cap. An element to be unwrapped is renamed to
     * one the safelist does not know, and the Cleaner, which keeps the children of elements it
     * drops, unwraps it while it copies; unwrapping in the tree one element at a time would cost
     * time proportional to its siblings each, quadratic on hostile input.
     */
    private void prepare(Element body) {
        for (Element el : body.getAllElements()) {
            if (el == body) {
                continue;
            }
            switch (el.normalName()) {
                case "b" -> el.tagName("strong");
                case "i" -> el.tagName("em");
                case "s", "strike" -> el.tagName("del");
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    List<Node> children = new ArrayList<>(el.childNodes());
                    el.tagName("p");
                    el.prependElement("strong").insertChildren(0, children);
                }
                case "a" -> {
                    Optional<String> href = el.hasAttr("href")
                            ? Urls.safeHref(el.attr("href"), siteRelativeLinks)
                            : Optional.empty();
                    if (href.isPresent()) {
                        el.attr("href", href.get());
                    } else {
                        el.tagName(UNWRAP);
                    }
                }
                case "ol" -> {
                    if (el.hasAttr("start") && !el.attr("start").matches("[0-9]{1,6}")) {
                        el.removeAttr("start");
                    }
                }
                default -> {
                }
            }
            if (el.hasAttr("class")) {
                StringJoiner kept = new StringJoiner(" ");
                for (String c : el.classNames()) {
                    if (ALLOWED_CLASSES.contains(c)) {
                        kept.add(c);
                    }
                }
                if (kept.length() == 0) {
                    el.removeAttr("class");
                } else {
                    el.attr("class", kept.toString());
                }
            }
        }
        // depth counts only elements the Cleaner keeps, so it is the depth of the output
        NodeTraversor.traverse(new NodeVisitor() {
            private int depth;

            @Override
            public void head(Node node, int ignored) {
                if (node instanceof Element el && el != body && ALLOWED_TAGS.contains(el.normalName())) {
                    if (depth == MAX_DEPTH) {
                        el.tagName(UNWRAP);
                    } else {
                        depth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int ignored) {
                if (node instanceof Element el && el != body && ALLOWED_TAGS.contains(el.normalName())) {
                    depth--;
                }
            }
        }, body);
    }

    /** Walks a cleaned tree and writes its text with paragraph and line structure. */
    private static final class TextCollector implements NodeVisitor {
        private static final Set<String> BLOCKS = Set.of("p", "blockquote", "pre", "ul", "ol");
        private final StringBuilder out = new StringBuilder();
        private int inPre;

        String collect(Element root) {
            NodeTraversor.traverse(this, root);
            return out.toString().strip();
        }

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
                if (inPre > 0) {
                    out.append(text.getWholeText());
                } else {
                    String collapsed = text.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ");
                    if (out.isEmpty() || out.charAt(out.length() - 1) == '\n'
                            || out.charAt(out.length() - 1) == ' ') {
                        collapsed = collapsed.stripLeading();
                    }
                    out.append(collapsed);
                }
            } else if (node instanceof Element el) {
                String name = el.normalName();
                if (name.equals("br")) {
                    trimSpaces();
                    out.append('\n');
                } else if (name.equals("li")) {
                    newLine();
                } else if (BLOCKS.contains(name)) {
                    blankLine();
                }
                if (name.equals("pre")) {
                    inPre++;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el) {
                String name = el.normalName();
                if (name.equals("pre")) {
                    inPre--;
                }
                if (name.equals("li")) {
                    newLine();
                } else if (BLOCKS.contains(name)) {
                    blankLine();
                }
            }
        }

        private void trimSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        private void newLine() {
            trimSpaces();
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }

        private void blankLine() {
            newLine();
            if (!out.isEmpty() && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
                out.append('\n');
            }
        }
    }
}
