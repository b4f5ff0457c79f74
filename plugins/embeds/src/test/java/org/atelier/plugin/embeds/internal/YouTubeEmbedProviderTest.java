package org.atelier.plugin.embeds.internal;

import static org.atelier.plugin.api.embed.AspectRatio.PORTRAIT;
import static org.atelier.plugin.api.embed.AspectRatio.WIDESCREEN;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class YouTubeEmbedProviderTest {

    static final String ID = "dQw4w9WgXcQ";
    private static final String FRAME = "https://www.youtube-nocookie.com/embed/" + ID;

    static Stream<Expected> good() {
        return Stream.of(
                video("https://www.youtube.com/watch?v=" + ID, ""),
                video("https://youtube.com/watch?v=" + ID + "&feature=share", ""),
                video("https://m.youtube.com/watch?feature=youtu.be&v=" + ID, ""),
                video("https://music.youtube.com/watch?v=" + ID + "&si=x1", ""),
                video("http://www.youtube.com/watch?v=" + ID, ""),
                video("HTTPS://WWW.YouTube.COM/watch?v=" + ID, ""),
                video("https://www.youtube.com:443/watch?v=" + ID, ""),
                video("https://www.youtube.com/watch/?v=" + ID, ""),
                video("https://www.youtube.com/watch?v=" + ID + "#t=30", ""),
                video("https://www.youtube.com/watch?v=" + ID
                        + "&list=PLFgquLnL59alCl_2TQvOiD5Vgm1hCaGSI&index=2", ""),
                video("https://youtu.be/" + ID, ""),
                video("https://youtu.be/" + ID + "?si=AbC123-_", ""),
                video("https://youtu.be/" + ID + "?t=42", "?start=42"),
                video("https://www.youtube.com/watch?v=" + ID + "&t=1h2m3s", "?start=3723"),
                video("https://www.youtube.com/watch?v=" + ID + "&t=90s", "?start=90"),
                video("https://www.youtube.com/embed/" + ID + "?start=75", "?start=75"),
                video("https://www.youtube.com/watch?v=" + ID + "&t=0", ""),
                video("https://www.youtube.com/watch?v=" + ID + "&t=999999", ""),
                video("https://www.youtube.com/watch?v=" + ID + "&t=1m%22", ""),
                video("https://www.youtube.com/watch?v=" + ID + "&t=5&t=6", ""),
                video("https://www.youtube.com/watch?v=" + ID + "&t=abc&start=40", ""),
                video("https://www.youtube-nocookie.com/embed/" + ID, ""),
                video("https://youtube-nocookie.com/embed/" + ID + "/", ""),
                video("https://www.youtube.com/live/" + ID + "?feature=shared", ""),
                new Expected("https://www.youtube.com/shorts/aBcD_eF-123", "YouTube",
                        "https://www.youtube-nocookie.com/embed/aBcD_eF-123",
                        "https://www.youtube.com/watch?v=aBcD_eF-123", PORTRAIT, null,
                        "https://i.ytimg.com/vi/aBcD_eF-123/hqdefault.jpg"));
    }

    private static Expected video(String url, String startQuery) {
        return Expected.of(url, "YouTube", FRAME + startQuery, "https://www.youtube.com/watch?v=" + ID,
                        WIDESCREEN)
                .thumbnailed("https://i.ytimg.com/vi/" + ID + "/hqdefault.jpg");
    }

    @ParameterizedTest
    @MethodSource("good")
    void embedsThroughTheNoCookiePlayer(Expected expected) {
        expected.check(new YouTubeEmbedProvider());
    }
}
