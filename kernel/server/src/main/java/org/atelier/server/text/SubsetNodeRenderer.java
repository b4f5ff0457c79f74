package org.atelier.server.text;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * The renderings where Atelier's Markdown subset differs from CommonMark's HTML; everything
 * else is commonmark's own renderer, with raw HTML escaped.
 */
final class SubsetNodeRenderer implements NodeRenderer {
    /** What a thematic break ({@code ---}, {@code * * *}) shows: the allow-list has no hr. */
    static final String SECTION_BREAK = "* * *";
    /** Most links one text renders; further links show as their text. */
    static final int MAX_LINKS = 1_000;
    /** Most characters of link targets one text writes (reference links repeat a target). */
    static final int MAX_HREF_CHARS = 100_000;

    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;
    // one renderer is created per rendering, so these count one text
    private int links;
    private int hrefChars;

    SubsetNodeRenderer(HtmlNodeRendererContext context) {
        this.context = context;
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Link.class, Image.class, Heading.class, ThematicBreak.class, Strikethrough.class,
                EntityNode.class);
    }

    @Override
    public void render(Node node) {
        switch (node) {
            case Link link -> renderLink(link);
            case Image image -> renderImage(image);
            case Heading heading -> {
                // a bold paragraph: a description's headings must not compete with the page's
                // own outline (screen readers navigate by it), and the allow-list stays small
                html.line();
                html.tag("p");
                html.tag("strong");
                renderChildren(heading);
                html.tag("/strong");
                html.tag("/p");
                html.line();
            }
            case ThematicBreak ignored -> {
                html.line();
                html.tag("p");
                html.text(SECTION_BREAK);
                html.tag("/p");
                html.line();
            }
            case Strikethrough struck -> {
                html.tag("del");
                renderChildren(struck);
                html.tag("/del");
            }
            case EntityNode entity -> renderEntity(entity.entity());
            default -> renderChildren(node);
        }
    }

    private void renderLink(Link link) {
        Optional<String> href = Urls.safeHref(link.getDestination(), true).filter(this::withinBudget);
        if (href.isEmpty()) {
            // the text stays readable; only the link is refused
            renderChildren(link);
            return;
        }
        html.tag("a", Map.of("href", href.get()));
        renderChildren(link);
        html.tag("/a");
    }

    /**
     * Images are not shown: artwork belongs in a post's attachments, where it goes through the
     * media pipeline (AI checks, metadata stripping), and hot-linked images would leak readers'
     * addresses to any server. The image becomes a link to it, labelled with its alt text; inside
     * a link (a linked badge) just the alt text, since links cannot nest.
     */
    private void renderImage(Image image) {
        String alt = altText(image).strip();
        Optional<String> href = insideLink(image)
                ? Optional.empty()
                : Urls.safeHref(image.getDestination(), true).filter(this::withinBudget);
        if (href.isEmpty()) {
            html.text(alt);
            return;
        }
        html.tag("a", Map.of("href", href.get()));
        html.text(alt.isEmpty() ? href.get() : alt);
        html.tag("/a");
    }

    private void renderEntity(TextEntity entity) {
        Map<String, String> attrs = new LinkedHashMap<>();
        switch (entity) {
            case Hashtag tag -> {
                attrs.put("href", tag.path());
                attrs.put("class", "hashtag");
            }
            case Mention mention -> {
                attrs.put("href", mention.path());
                attrs.put("class", "mention u-url");
            }
            case WebLink link -> attrs.put("href", Urls.safeHref(link.url(), false).orElseThrow());
        }
        if (!withinBudget(attrs.get("href"))) {
            html.text(entity.display());
            return;
        }
        html.tag("a", attrs);
        html.text(entity.display());
        html.tag("/a");
    }

    /** Counts a link against this text's budget; false once the budget is spent. */
    private boolean withinBudget(String href) {
        if (links >= MAX_LINKS || hrefChars + href.length() > MAX_HREF_CHARS) {
            return false;
        }
        links++;
        hrefChars += href.length();
        return true;
    }

    private void renderChildren(Node parent) {
        Node child = parent.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            context.render(child);
            child = next;
        }
    }

    private static boolean insideLink(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof Link) {
                return true;
            }
        }
        return false;
    }

    /** The plain text of a node's descendants, without recursion. */
    static String altText(Node node) {
        StringBuilder out = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) {
            stack.push(c);
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            switch (n) {
                case Text text -> out.append(text.getLiteral());
                case Code code -> out.append(code.getLiteral());
                case SoftLineBreak ignored -> out.append(' ');
                case HardLineBreak ignored -> out.append(' ');
                case EntityNode entity -> out.append(entity.entity().display());
                default -> {
                    for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                        stack.push(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
