package org.atelier.plugin.embeds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;
import org.atelier.plugin.api.embed.AspectRatio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SketchfabEmbedProviderTest {

    static final String ID = "c3a7f0d2b1e94f6a8d5c2b1a0e9f8d7c";
    private static final AspectRatio VIEWER = new AspectRatio(4, 3);

    static Stream<Expected> good() {
        return Stream.of(
                model("https://sketchfab.com/3d-models/low-poly-fox-" + ID).titled("Low poly fox"),
                model("https://SKETCHFAB.com/3d-models/the_great-drawing-room-" + ID + "/")
                        .titled("The great drawing room"),
                model("https://sketchfab.com/3d-models/r2-d2-v3-" + ID).titled("R2 d2 v3"),
                model("https://sketchfab.com/3d-models/it's-a-(test)!-" + ID).titled("Its a test"),
                model("https://sketchfab.com/3d-models/" + "word-".repeat(30) + ID)
                        .titled("Word" + " word".repeat(15)),
                model("https://sketchfab.com/3d-models/---" + ID),
                model("https://www.sketchfab.com/3d-models/" + ID),
                model("https://sketchfab.com/models/" + ID),
                model("https://sketchfab.com/models/" + ID + "/embed?autostart=1&ui_theme=dark"));
    }

    private static Expected model(String url) {
        return Expected.of(url, "Sketchfab", "https://sketchfab.com/models/" + ID + "/embed",
                "https://sketchfab.com/3d-models/" + ID, VIEWER);
    }

    @ParameterizedTest
    @MethodSource("good")
    void embedsTheSketchfabViewer(Expected expected) {
        expected.check(new SketchfabEmbedProvider());
    }

    @Test
    void titlesKeepOnlyLettersDigitsAndSpaces() {
        assertEquals(Optional.of("Scriptalert1script"),
                SketchfabEmbedProvider.slugTitle("<script>alert(1)</script>"));
        assertEquals(Optional.of("A b"), SketchfabEmbedProvider.slugTitle("  a -- _b  "));
        assertEquals(Optional.empty(), SketchfabEmbedProvider.slugTitle("\"'<>"));
        assertEquals(Optional.of("X".repeat(80)), SketchfabEmbedProvider.slugTitle("X".repeat(200)));
    }
}
