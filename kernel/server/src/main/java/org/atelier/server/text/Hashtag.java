package org.atelier.server.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;

/**
 * A hashtag, as written ({@code Watercolour}, {@code 水彩}), without the {@code #}.
 *
 * <p>Two hashtags are the same tag when their {@link #key()}s are equal: {@code #Art} and
 * {@code #ART} are one tag, shown the way the author first wrote it. Records compare the written
 * name, so use {@link #key()} for matching.
 *
 * @param name the tag as written, without {@code #}; a valid tag name (see {@link Tags#parse})
 */
public record Hashtag(String name) implements TextEntity {

    /**
     * Checks the name.
     *
     * @param name the tag as written, without {@code #}
     */
    public Hashtag {
        Objects.requireNonNull(name, "name");
        if (!Tags.isValidName(name)) {
            throw new IllegalArgumentException("not a hashtag name: " + name);
        }
    }

    /**
     * The form used for matching and storage: Unicode NFKC (so full-width {@code ＡＲＴ} is
     * {@code art}), then case-folded. Java has no full case folding; upper-casing first and then
     * lower-casing gets the cases that matter ({@code ß} and {@code SS}, final sigma) right, and
     * {@link Locale#ROOT} keeps a Turkish server locale from changing {@code I}.
     *
     * @return the normalised tag
     */
    public String key() {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toUpperCase(Locale.ROOT)
                .toLowerCase(Locale.ROOT);
    }

    /**
     * The local tag page: {@code /tags/} and the percent-encoded {@link #key()}.
     *
     * @return a site-relative path
     */
    public String path() {
        return "/tags/" + Paths.encodeSegment(key());
    }

    @Override
    public String display() {
        return "#" + name;
    }
}
