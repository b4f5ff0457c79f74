/**
 * Text that people write and that peers send: a Markdown subset rendered to HTML, an allow-list
 * HTML sanitiser, and the hashtags, mentions and bare links found in plain text.
 *
 * <p>The pipeline for local text (post descriptions, bios) is
 * {@link org.atelier.server.text.MarkdownRenderer}: parse the Markdown subset (raw HTML is
 * escaped, never passed through), link hashtags, mentions and bare {@code http(s)} URLs in text
 * nodes only, render, then run the result through
 * {@link org.atelier.server.text.HtmlSanitizer#forLocalContent()} anyway, so that a bug in the
 * rendering can never produce markup outside the allow-list. HTML from peers (Mastodon and co.)
 * goes through {@link org.atelier.server.text.HtmlSanitizer#forRemoteContent()}, which keeps the
 * same tags but only absolute links.
 *
 * <p>{@link org.atelier.server.text.Tags}, {@link org.atelier.server.text.Mentions} and
 * {@link org.atelier.server.text.TextEntities} find the entities in plain text, with positions.
 *
 * <p>Everything here is stateless or immutable, so every public type is thread-safe. No public
 * method accepts or returns {@code null}.
 */
package org.atelier.server.text;
