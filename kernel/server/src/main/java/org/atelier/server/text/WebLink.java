package org.atelier.server.text;

import java.util.Objects;

/**
 * A bare {@code http://} or {@code https://} URL found in text, trailing punctuation excluded.
 *
 * @param url the URL as written
 */
public record WebLink(String url) implements TextEntity {

    /**
     * Checks the URL.
     *
     * @param url the URL as written
     */
    public WebLink {
        Objects.requireNonNull(url, "url");
        if (Urls.safeHref(url, false).isEmpty()) {
            throw new IllegalArgumentException("not a web link: " + url);
        }
    }

    @Override
    public String display() {
        return url;
    }
}
