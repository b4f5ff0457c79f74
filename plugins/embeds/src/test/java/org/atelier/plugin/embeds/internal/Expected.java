package org.atelier.plugin.embeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.atelier.plugin.api.embed.AspectRatio;
import org.atelier.plugin.api.embed.Embed;
import org.atelier.plugin.api.embed.EmbedProvider;

/**
 * One row of a good-URL table: what a provider must make of a URL, field by field, as exact
 * strings so that any drift in the built addresses fails the test.
 */
record Expected(String url, String provider, String iframe, String canonical, AspectRatio aspect,
                String title, String thumbnail) {

    static Expected of(String url, String provider, String iframe, String canonical, AspectRatio aspect) {
        return new Expected(url, provider, iframe, canonical, aspect, null, null);
    }

    Expected titled(String expectedTitle) {
        return new Expected(url, provider, iframe, canonical, aspect, expectedTitle, thumbnail);
    }

    Expected thumbnailed(String expectedThumbnail) {
        return new Expected(url, provider, iframe, canonical, aspect, title, expectedThumbnail);
    }

    void check(EmbedProvider under) {
        Embed embed = under.embed(URI.create(url))
                .orElseThrow(() -> new AssertionError(under.id() + " declined " + url));
        assertEquals(provider, embed.provider(), url);
        assertEquals(iframe, embed.iframeSrc().toString(), url);
        assertEquals(canonical, embed.canonical().toString(), url);
        assertEquals(aspect, embed.aspect(), url);
        assertEquals(Optional.ofNullable(title), embed.title(), url);
        assertEquals(Optional.ofNullable(thumbnail), embed.thumbnail().map(URI::toString), url);
    }

    @Override
    public String toString() {
        return url.length() > 120 ? url.substring(0, 120) + "…" : url;
    }
}
