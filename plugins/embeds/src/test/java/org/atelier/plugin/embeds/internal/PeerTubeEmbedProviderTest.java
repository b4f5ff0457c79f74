package org.atelier.plugin.embeds.internal;

import static org.atelier.plugin.api.embed.AspectRatio.WIDESCREEN;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PeerTubeEmbedProviderTest {

    static final String SHORT = "kkGMgK9ZtnKfYAgnEtQxbv";
    static final String UUID = "9c9de5e8-0a1e-484a-b099-e80766180a6d";

    static Stream<Expected> good() {
        return Stream.of(
                byShortId("https://framatube.org/w/" + SHORT, "framatube.org", ""),
                byShortId("https://Video.Example.ORG/w/" + SHORT, "video.example.org", ""),
                byShortId("https://tube.example.org:443/w/" + SHORT + "/", "tube.example.org", ""),
                byShortId("http://tube.example.org/w/" + SHORT, "tube.example.org", ""),
                byShortId("https://tube.example.org/videos/watch/" + SHORT, "tube.example.org", ""),
                byShortId("https://videos.xn--bcher-kva.ch/w/" + SHORT, "videos.xn--bcher-kva.ch", ""),
                byShortId("https://tube.example.org/w/" + SHORT + "?start=1m30s", "tube.example.org",
                        "?start=90"),
                byShortId("https://tube.example.org/w/" + SHORT + "?start=%22", "tube.example.org", ""),
                byUuid("https://framatube.org/videos/watch/" + UUID, "framatube.org"),
                byUuid("https://framatube.org/videos/embed/" + UUID + "?autoplay=1", "framatube.org"),
                byUuid("https://peertube.social.coop/w/" + UUID, "peertube.social.coop"));
    }

    private static Expected byShortId(String url, String host, String startQuery) {
        return Expected.of(url, "PeerTube", "https://" + host + "/videos/embed/" + SHORT + startQuery,
                "https://" + host + "/w/" + SHORT, WIDESCREEN);
    }

    private static Expected byUuid(String url, String host) {
        return Expected.of(url, "PeerTube", "https://" + host + "/videos/embed/" + UUID,
                "https://" + host + "/videos/watch/" + UUID, WIDESCREEN);
    }

    @ParameterizedTest
    @MethodSource("good")
    void embedsFromTheSameInstance(Expected expected) {
        expected.check(new PeerTubeEmbedProvider());
    }
}
