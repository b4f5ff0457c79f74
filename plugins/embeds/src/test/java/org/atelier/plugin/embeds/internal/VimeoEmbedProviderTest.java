package org.atelier.plugin.embeds.internal;

import static org.atelier.plugin.api.embed.AspectRatio.WIDESCREEN;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VimeoEmbedProviderTest {

    static final String ID = "76979871";
    static final String HASH = "8272103f6e";

    static Stream<Expected> good() {
        return Stream.of(
                publicVideo("https://vimeo.com/" + ID),
                publicVideo("https://www.vimeo.com/" + ID + "/"),
                publicVideo("HTTP://VIMEO.COM/" + ID),
                publicVideo("https://vimeo.com/" + ID + "?share=copy#t=10"),
                publicVideo("https://vimeo.com/channels/staffpicks/" + ID),
                publicVideo("https://player.vimeo.com/video/" + ID),
                publicVideo("https://player.vimeo.com/video/" + ID + "?autoplay=1&muted=1"),
                unlisted("https://vimeo.com/" + ID + "/" + HASH),
                unlisted("https://player.vimeo.com/video/" + ID + "?h=" + HASH + "&badge=0"),
                Expected.of("https://vimeo.com/1", "Vimeo", "https://player.vimeo.com/video/1?dnt=1",
                        "https://vimeo.com/1", WIDESCREEN),
                Expected.of("https://vimeo.com/123456789012", "Vimeo",
                        "https://player.vimeo.com/video/123456789012?dnt=1",
                        "https://vimeo.com/123456789012", WIDESCREEN));
    }

    private static Expected publicVideo(String url) {
        return Expected.of(url, "Vimeo", "https://player.vimeo.com/video/" + ID + "?dnt=1",
                "https://vimeo.com/" + ID, WIDESCREEN);
    }

    private static Expected unlisted(String url) {
        return Expected.of(url, "Vimeo", "https://player.vimeo.com/video/" + ID + "?h=" + HASH + "&dnt=1",
                "https://vimeo.com/" + ID + "/" + HASH, WIDESCREEN);
    }

    @ParameterizedTest
    @MethodSource("good")
    void embedsThroughTheDoNotTrackPlayer(Expected expected) {
        expected.check(new VimeoEmbedProvider());
    }
}
