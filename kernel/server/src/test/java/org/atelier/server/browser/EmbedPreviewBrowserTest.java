package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.atelier.server.browser.Browser.Viewport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a visitor sees of an embed: a frame as wide as the column and as tall as the video's
 * aspect ratio says, under the Content-Security-Policy the kernel really sends.
 */
class EmbedPreviewBrowserTest {
    private static final String PREVIEW = "/embeds/preview?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ";
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.fresh();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aYouTubeEmbedIsShownAtItsAspectRatio(Viewport viewport) {
        browser.resize(viewport);
        browser.open(PREVIEW);
        browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("figure.embed .embed-frame iframe")));
        Map<?, ?> frame = (Map<?, ?>) browser.js("const f = document.querySelector('.embed-frame');"
                + "const r = f.querySelector('iframe').getBoundingClientRect();"
                + "return {width: r.width, height: r.height, right: r.right, styleAttribute: f.getAttribute('style'),"
                + " computedPaddingTop: getComputedStyle(f).paddingTop};");
        double width = ((Number) frame.get("width")).doubleValue();
        double height = ((Number) frame.get("height")).doubleValue();
        assertTrue(width > 0 && ((Number) frame.get("right")).doubleValue() <= viewport.width() + 1, "frame: " + frame);
        assertEquals(width * 0.5625, height, 2.0, "a 16:9 video should be 56.25 % as tall as it is wide, but the frame is "
                + frame + " (an inline style attribute is ignored under the page's CSP default-src 'self',"
                + " which has no style-src 'unsafe-inline')");
    }
}
