package org.atelier.server.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the Markdown subset people write in post descriptions and bios to sanitised HTML.
 *
 * <p>What it understands:
 * <ul>
 * <li>paragraphs; every line break is kept ({@code <br>}): artists write short lines and expect
 * them to stay short, unlike CommonMark, which joins them;
 * <li>{@code *emphasis*}, {@code **strong**}, {@code ~~strikethrough~~}, {@code `code`} and fenced
 * code blocks, {@code >} block quotes, bullet and numbered lists;
 * <li>links ({@code [text](https://…)}, {@code <https://…>}), and bare {@code http(s)://} URLs,
 * which are linked by this renderer itself (commonmark-ext-autolink is not used); link targets
 * must be {@code http}, {@code https}, {@code mailto} or a path on this site, otherwise the text
 * shows without a link;
 * <li>{@code #hashtags} and {@code @mentions} ({@code @user} and {@code @user@host}), linked to
 * {@code /tags/…} and {@code /@…} in text only, never inside code or links.
 * </ul>
 * What it does not: raw HTML is shown as the text it is, never passed through; headings become
 * a bold paragraph; images become a link to the image (see {@code SubsetNodeRenderer}), because
 * artwork belongs in attachments; thematic breaks become a {@value SubsetNodeRenderer#SECTION_BREAK}
 * paragraph; indented code blocks are not recognised (indented lines are ordinary text, since
 * artists indent poems and prose, not code); tables are not supported.
 *
 * <p>Bounds: input longer than the renderer's limit (in characters, i.e. code points) is refused
 * with a {@link TextTooLongException}. Nesting is capped ({@value #MAX_BLOCK_NESTING} open
 * blocks, {@value #MAX_INLINE_NESTING} nested inline brackets; deeper markers stay text), and a
 * tree deeper than {@value #MAX_TREE_DEPTH} anyway is rendered as plain paragraphs, so no input
 * makes rendering slow or exhausts the stack. At most {@value SubsetNodeRenderer#MAX_LINKS}
 * links are made and at most {@value SubsetNodeRenderer#MAX_HREF_CHARS} characters of link
 * targets written; further links show as text, so that a short text cannot expand into megabytes
 * (one long link reference definition used thousands of times would). C0/C1 control characters
 * (other than tab and newlines) and unpaired surrogates are removed.
 *
 * <p>The rendered HTML is passed through {@link HtmlSanitizer#forLocalContent()} as a second line
 * of defence, so the output is within the sanitiser's allow-list whatever the renderer did.
 *
 * <p>Instances are immutable and thread-safe (commonmark's parser and renderer are).
 */
public final class MarkdownRenderer {
    /** Longest post description, in characters. */
    public static final int DESCRIPTION_MAX_LENGTH = 10_000;
    /** Longest profile bio, in characters. */
    public static final int BIO_MAX_LENGTH = 2_000;
    /** Most blocks open at once (quotes in lists in quotes…). */
    static final int MAX_BLOCK_NESTING = 16;
    /** Most nested inline brackets and emphasis the parser follows. */
    static final int MAX_INLINE_NESTING = 16;
    /** Deepest syntax tree rendered as Markdown; rendering recurses, so this bounds the stack. */
    static final int MAX_TREE_DEPTH = 64;

    private static final Parser PARSER = Parser.builder()
            // no HtmlBlock (raw HTML lines stay paragraphs, escaped), no IndentedCodeBlock; the
            // order is the order block starts are tried in, CommonMark's own (setext headings
            // before thematic breaks, so "Title\n---" is a heading), hence not Set.of
            .enabledBlockTypes(new LinkedHashSet<>(List.of(BlockQuote.class, Heading.class,
                    FencedCodeBlock.class, ThematicBreak.class, ListBlock.class)))
            .customDelimiterProcessor(new Strikethrough.Processor())
            .maxOpenBlockParsers(MAX_BLOCK_NESTING)
            .maxInlineNesting(MAX_INLINE_NESTING)
            .build();

    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>\n")
            .nodeRendererFactory(SubsetNodeRenderer::new)
            .build();

    private static final MarkdownRenderer DESCRIPTIONS = new MarkdownRenderer(DESCRIPTION_MAX_LENGTH);
    private static final MarkdownRenderer BIOS = new MarkdownRenderer(BIO_MAX_LENGTH);

    private final int maxLength;

    private MarkdownRenderer(int maxLength) {
        this.maxLength = maxLength;
    }

    /**
     * The renderer for post descriptions, at most {@value #DESCRIPTION_MAX_LENGTH} characters.
     *
     * @return the shared instance
     */
    public static MarkdownRenderer forDescriptions() {
        return DESCRIPTIONS;
    }

    /**
     * The renderer for profile bios, at most {@value #BIO_MAX_LENGTH} characters.
     *
     * @return the shared instance
     */
    public static MarkdownRenderer forBios() {
        return BIOS;
    }

    /**
     * A renderer with another length limit (comments, album descriptions…).
     *
     * @param maxLength the most characters accepted, 1 to {@value #DESCRIPTION_MAX_LENGTH} × 10
     * @return the renderer
     */
    public static MarkdownRenderer withMaxLength(int maxLength) {
        if (maxLength < 1 || maxLength > DESCRIPTION_MAX_LENGTH * 10) {
            throw new IllegalArgumentException("maxLength out of range: " + maxLength);
        }
        return new MarkdownRenderer(maxLength);
    }

    /**
     * The most characters this renderer accepts.
     *
     * @return the limit
     */
    public int maxLength() {
        return maxLength;
    }

    /**
     * Renders Markdown and reports the tags and mentions it linked.
     *
     * @param markdown what the person wrote
     * @return sanitised HTML with the linked tags and mentions
     * @throws TextTooLongException when the text is longer than {@link #maxLength()}
     */
    public RenderedText render(String markdown) {
        checkLength(markdown);
        String text = removeControlCharacters(markdown);
        Node document = PARSER.parse(text);
        if (depth(document) > MAX_TREE_DEPTH) {
            // commonmark's caps keep real trees far shallower; this is the net under them
            document = plainParagraphs(text);
        }
        return renderTree(document);
    }

    /** Links entities in a parsed tree, renders and sanitises it. */
    static RenderedText renderTree(Node document) {
        Map<String, Hashtag> tags = new LinkedHashMap<>();
        Map<String, Mention> mentions = new LinkedHashMap<>();
        linkEntities(document, tags, mentions);
        String html = HtmlSanitizer.forLocalContent().sanitizeUnbounded(RENDERER.render(document));
        return new RenderedText(html, List.copyOf(tags.values()), List.copyOf(mentions.values()));
    }

    /**
     * Renders Markdown to sanitised HTML.
     *
     * @param markdown what the person wrote
     * @return sanitised HTML, empty for empty input
     * @throws TextTooLongException when the text is longer than {@link #maxLength()}
     */
    public String toHtml(String markdown) {
        return render(markdown).html();
    }

    private void checkLength(String markdown) {
        // a code point is one or two chars, so only texts between the two bounds need counting
        if (markdown.length() > maxLength) {
            int length = markdown.codePointCount(0, markdown.length());
            if (length > maxLength) {
                throw new TextTooLongException(maxLength, length);
            }
        }
    }

    /** Drops characters that have no business in text and that some consumers choke on. */
    static String removeControlCharacters(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean drop;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            drop = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)
                    || Character.isSurrogate(c);
            if (drop && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            } else if (!drop && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** The depth of a tree, without recursion. */
    static int depth(Node root) {
        int max = 0;
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int d = depths.pop();
            max = Math.max(max, d);
            for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
                nodes.push(c);
                depths.push(d + 1);
            }
        }
        return max;
    }

    /** The fallback for trees too deep to render: the text as paragraphs and lines. */
    static Document plainParagraphs(String text) {
        Document document = new Document();
        for (String block : text.split("\\R[ \\t]*\\R")) {
            if (block.isBlank()) {
                continue;
            }
            Paragraph paragraph = new Paragraph();
            String[] lines = block.strip().split("\\R");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    paragraph.appendChild(new SoftLineBreak());
                }
                paragraph.appendChild(new Text(lines[i].strip()));
            }
            document.appendChild(paragraph);
        }
        return document;
    }

    /**
     * Replaces hashtags, mentions and bare URLs in text nodes by links, skipping everything
     * inside links and images (code spans and blocks hold no text nodes). Tags and mentions
     * beyond the caps stay text.
     */
    private static void linkEntities(Node root, Map<String, Hashtag> tags, Map<String, Mention> mentions) {
        List<Text> texts = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (node instanceof Text text) {
                texts.add(text);
            } else if (!(node instanceof Link || node instanceof Image)) {
                for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) {
                    stack.push(c);
                }
            }
        }
        for (Text text : texts) {
            String literal = text.getLiteral();
            int done = 0;
            for (Occurrence<TextEntity> o : TextEntities.find(literal)) {
                Node link = switch (o.entity()) {
                    case Hashtag tag -> admit(tags, tag.key(), tag, Tags.MAX_PER_TEXT) ? new EntityNode(tag) : null;
                    case Mention m -> admit(mentions, m.key(), m, Mentions.MAX_PER_TEXT) ? new EntityNode(m) : null;
                    case WebLink web -> new EntityNode(web);
                };
                if (link == null) {
                    continue;
                }
                if (o.start() > done) {
                    text.insertBefore(new Text(literal.substring(done, o.start())));
                }
                text.insertBefore(link);
                done = o.end();
            }
            if (done > 0) {
                if (done < literal.length()) {
                    text.insertBefore(new Text(literal.substring(done)));
                }
                text.unlink();
            }
        }
    }

    private static <T> boolean admit(Map<String, T> seen, String key, T value, int max) {
        if (seen.containsKey(key)) {
            return true;
        }
        if (seen.size() >= max) {
            return false;
        }
        seen.put(key, value);
        return true;
    }
}
