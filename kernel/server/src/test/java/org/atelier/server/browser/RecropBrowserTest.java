package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.atelier.server.http.Json;
import org.atelier.server.testing.Community;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.BrowserClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Cropping later: on an existing post's edit page the artist opens the crop tool of an image,
 * moves the square thumbnail to the other half of the picture with the keyboard and saves; the
 * thumbnail is rendered again from the kept original and shows that half.
 */
class RecropBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.fresh();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @Test
    void theArtistMovesTheThumbnailCropOfAPublishedPost() throws Exception {
        Community community = Community.on(INSTANCE.get());
        BrowserClient painter = community.artist("noor");
        BufferedImage image = new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 600);
        g.setColor(Color.BLUE);
        g.fillRect(600, 0, 600, 600);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        // the artist's first crop: the red left half
        String media = Community.upload(painter, png.toByteArray(), "thumbnailCrop=0,0,0.5,1");
        String post = (String) Json.readObject(painter.json("POST", "/api/v1/posts", "{\"title\": \"Halves\","
                + " \"media\": [\"" + media + "\"]}").body().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow().get("id");

        Flows.signIn(browser, "noor", TestInstance.PASSWORD);
        long before = Flows.centrePixel(browser, "/media/" + media + "/thumbnail");
        assertTrue((before >> 16) > 200 && (before & 0xff) < 60, "red first: " + Long.toHexString(before));

        browser.open("/posts/" + post + "/edit");
        browser.visible(By.cssSelector("[data-crop-existing]")).click();
        WebElement box = browser.visible(By.cssSelector(".image-editor-item .crop-box"));
        browser.waitUntil(d -> box.getSize().getWidth() > 10);
        for (int i = 0; i < 40; i++) {
            box.sendKeys(Keys.ARROW_RIGHT);
        }
        browser.screenshot("recrop-1-moved");
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("button[name=action][value=publish]")));
        assertTrue(browser.path().equals("/posts/" + post), browser.path());

        browser.waitUntil(d -> "ready".equals(Flows.mediaState(browser, media))
                && (Flows.centrePixel(browser, "/media/" + media + "/thumbnail") & 0xff) > 200);
        long after = Flows.centrePixel(browser, "/media/" + media + "/thumbnail");
        assertTrue((after & 0xff) > 200 && (after >> 16) < 60, "blue after the new crop: " + Long.toHexString(after));
        browser.open("/@noor");
        browser.screenshot("recrop-2-portfolio");
    }
}
