package org.atelier.server.text;

import java.util.List;
import java.util.Objects;

/**
 * Markdown rendered for display, with the tags and mentions that were linked in it: exactly the
 * ones outside code and links, de-duplicated and capped as {@link Tags} and {@link Mentions} say,
 * which is what a post should be filed under and whom it should notify.
 *
 * @param html     sanitised HTML, ready to insert into a page
 * @param tags     distinct tags in order of first appearance, as first spelled
 * @param mentions distinct mentions in order of first appearance
 */
public record RenderedText(String html, List<Hashtag> tags, List<Mention> mentions) {

    /**
     * Copies the lists.
     *
     * @param html     sanitised HTML
     * @param tags     the tags linked
     * @param mentions the mentions linked
     */
    public RenderedText {
        Objects.requireNonNull(html, "html");
        tags = List.copyOf(tags);
        mentions = List.copyOf(mentions);
    }
}
