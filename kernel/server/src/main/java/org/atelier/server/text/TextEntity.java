package org.atelier.server.text;

/**
 * Something found in plain text that the renderer turns into a link: a {@link Hashtag}, a
 * {@link Mention} or a bare {@link WebLink}. Where it was found is carried by an
 * {@link Occurrence}, so that the values themselves compare by content.
 */
public sealed interface TextEntity permits Hashtag, Mention, WebLink {

    /**
     * The entity as it should read in text: {@code #Art}, {@code @alice@example.org}, the URL.
     *
     * @return the display text
     */
    String display();
}
