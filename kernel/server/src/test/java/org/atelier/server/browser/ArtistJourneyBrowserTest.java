package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import org.atelier.plugin.api.web.Viewer;
import org.atelier.server.accounts.RegistrationMode;
import org.atelier.server.testing.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An artist's first day, in a real browser: register, sign in, upload a three-image post with
 * the script (progress, alt text, a thumbnail crop chosen with the keyboard on the crop tool),
 * see it on the portfolio grid at desktop and phone widths, bookmark it and add it to a new
 * album. Each step saves a screenshot; assertions are on what is visible.
 */
class ArtistJourneyBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.withOwner();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @TempDir
    Path files;

    @Test
    void registerPostWithACropAndCollectIt() throws Exception {
        TestInstance instance = INSTANCE.get();
        Viewer owner = instance.atelier().accounts().byUsername("owner").orElseThrow().viewer();
        instance.atelier().accounts().setRegistrationMode(owner, RegistrationMode.OPEN);

        // register and sign in
        browser.resize(Browser.Viewport.DESKTOP);
        browser.open("/register");
        browser.type(By.id("register-username"), "mira");
        browser.type(By.id("register-email"), "mira@example.org");
        browser.type(By.id("register-display-name"), "Mira Okafor");
        browser.type(By.id("register-password"), TestInstance.PASSWORD);
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("main form button[type=submit]")));
        Flows.signIn(browser, "mira", TestInstance.PASSWORD);
        assertEquals("@mira", browser.visible(Flows.ACCOUNT_HANDLE).getText());

        // compose: three images uploaded by the script as soon as they are chosen
        Path redBlue = image("red-blue.png", 1200, 800, Color.RED, Color.BLUE);
        Path greenYellow = image("green-yellow.png", 900, 900, Color.GREEN, Color.YELLOW);
        Path greyWhite = image("grey-white.png", 800, 1000, Color.GRAY, Color.WHITE);
        browser.open("/posts/new");
        assertTrue(browser.all(By.id("compose-alts")).stream().noneMatch(WebElement::isDisplayed),
                "the no-script alt field is hidden when the script runs");
        browser.driver().findElement(By.id("compose-images"))
                .sendKeys(redBlue + "\n" + greenYellow + "\n" + greyWhite);
        browser.waitUntil(d -> d.findElements(By.cssSelector(".upload-item.is-done")).size() == 3);
        browser.screenshot("journey-1-uploaded");
        List<WebElement> items = browser.all(By.cssSelector(".upload-item.is-done"));
        assertEquals(3, browser.all(By.cssSelector(".upload-item input[name=media]")).size());

        // alt text for each, and a thumbnail crop on the first: shrink the square, move it right
        String[] alts = {"Red and blue halves", "Green and yellow halves", "Grey and white halves"};
        for (int i = 0; i < 3; i++) {
            items.get(i).findElement(By.cssSelector("textarea.upload-alt")).sendKeys(alts[i]);
        }
        WebElement cropBox = items.get(0).findElement(By.cssSelector(".crop-box"));
        browser.waitUntil(d -> !cropBox.getCssValue("width").equals("0px") && cropBox.getSize().getWidth() > 10);
        for (int i = 0; i < 15; i++) {
            cropBox.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
        }
        for (int i = 0; i < 40; i++) {
            cropBox.sendKeys(Keys.ARROW_RIGHT);
        }
        String crop = items.get(0).getDomAttribute("data-thumbnail-crop");
        assertTrue(crop != null && Double.parseDouble(crop.split(",")[0]) > 0.6, "the crop moved right: " + crop);
        browser.screenshot("journey-2-cropped");

        browser.type(By.id("compose-title"), "Colour studies");
        browser.type(By.id("compose-tags"), "studies, colour");
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("button[name=action][value=publish]")));
        assertTrue(browser.path().startsWith("/posts/"), browser.path());
        String postPath = browser.path();
        assertEquals("Colour studies", browser.visible(By.cssSelector("h1.p-name")).getText());

        // the page shows every image with its alt text, once processing is done
        browser.waitUntil(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector(".post-image img.u-photo")).size() == 3;
        });
        List<String> shownAlts = browser.all(By.cssSelector(".post-image img.u-photo")).stream()
                .map(img -> img.getDomAttribute("alt")).toList();
        assertEquals(List.of(alts), shownAlts);
        browser.screenshot("journey-3-post");

        // the chosen crop made the thumbnail: all blue, from the right half
        String mediaId = browser.all(By.cssSelector(".post-image img.u-photo")).get(0).getDomAttribute("src")
                .split("/")[2];
        browser.waitUntil(d -> "ready".equals(Flows.mediaState(browser, mediaId)));
        long centre = Flows.centrePixel(browser, "/media/" + mediaId + "/thumbnail");
        assertTrue((centre & 0xff) > 200 && (centre >> 16) < 60, "blue, not red: " + Long.toHexString(centre));

        // the portfolio grid, at desktop and phone widths
        browser.open("/@mira");
        WebElement tile = browser.visible(By.cssSelector(".post-grid .post-tile img"));
        assertEquals("Red and blue halves", tile.getDomAttribute("alt"));
        assertTrue(browser.visible(By.cssSelector(".post-tile-marks")).getText().contains("3 images"));
        browser.screenshot("journey-4-portfolio-desktop");
        browser.resize(Browser.Viewport.PHONE);
        browser.open("/@mira");
        WebElement phoneTile = browser.visible(By.cssSelector(".post-grid .post-tile"));
        int width = phoneTile.getSize().getWidth();
        assertTrue(width > 120 && width < Browser.Viewport.PHONE.width() / 2, "two tiles a row on a phone: " + width);
        assertEquals(Browser.Viewport.PHONE.width(), ((Number) browser.js(
                "return document.documentElement.scrollWidth")).intValue(), "nothing overflows sideways");
        browser.screenshot("journey-5-portfolio-phone");

        // bookmark it, and add it to a new album
        browser.resize(Browser.Viewport.DESKTOP);
        browser.open(postPath);
        browser.clickAndWaitForPage(browser.visible(By.cssSelector("form[action$='/bookmark'] button")));
        assertEquals("Bookmarked", browser.visible(By.cssSelector("form[action$='/bookmark'] button")).getText());
        browser.open("/bookmarks");
        assertEquals("Colour studies", browser.visible(By.cssSelector(".post-tile-title")).getText());
        browser.open(postPath);
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("add-to-album"))).selectByValue("new");
        browser.type(By.cssSelector(".add-to-album input[name=title]"), "Studies");
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector(".add-to-album button")));
        assertTrue(browser.path().startsWith("/albums/"), browser.path());
        assertEquals("Studies", browser.visible(By.tagName("h1")).getText());
        assertEquals("Colour studies", browser.visible(By.cssSelector(".album-items .post-tile-title")).getText());
        browser.screenshot("journey-6-album");

        // like and comment on the post
        browser.open(postPath);
        browser.clickAndWaitForPage(browser.visible(By.xpath("//form[contains(@action,'/like')]//button")));
        assertEquals("Liked", browser.visible(By.xpath("//form[contains(@action,'/like')]//button")).getText());
        assertTrue(browser.visible(By.cssSelector(".post-counts")).getText().contains("1 like ·"));
        browser.type(By.id("comment-body"), "The **blue** came out well.");
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector(".comment-form button[type=submit]")));
        WebElement comment = browser.visible(By.cssSelector(".comment .comment-body"));
        assertEquals("The blue came out well.", comment.getText());
        assertEquals("blue", comment.findElement(By.tagName("strong")).getText());
        browser.screenshot("journey-7-liked-and-commented");

        // another artist follows Mira, likes the work and replies; Mira sees it in her notifications
        Flows.signOut(browser);
        instance.atelier().accounts().register(new org.atelier.server.accounts.Registration("tomas",
                "tomas@example.org", TestInstance.PASSWORD, "Tomás", null));
        Flows.signIn(browser, "tomas", TestInstance.PASSWORD);
        browser.open("/@mira");
        browser.clickAndWaitForPage(browser.visible(By.xpath("//form[contains(@action,'/follow')]//button[text()='Follow']")));
        assertEquals("Following", browser.visible(By.cssSelector(".artist-relationship button[aria-pressed=true]")).getText());
        browser.open(postPath);
        browser.clickAndWaitForPage(browser.visible(By.xpath("//form[contains(@action,'/like')]//button")));
        browser.driver().findElement(By.cssSelector(".comment-reply summary")).click();
        WebElement reply = browser.visible(By.cssSelector(".comment-reply textarea"));
        reply.sendKeys("Agreed, @mira!");
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector(".comment-reply button[type=submit]")));
        assertEquals(2, browser.all(By.cssSelector(".comment")).size());
        assertTrue(browser.all(By.cssSelector(".comment")).get(1).getDomAttribute("class").contains("depth-1"),
                "the reply is threaded under the comment");
        Flows.signOut(browser);

        Flows.signIn(browser, "mira", TestInstance.PASSWORD);
        WebElement count = browser.visible(By.cssSelector(".notifications-link .badge-count"));
        assertTrue(Integer.parseInt(count.getText()) >= 3, "follow, like, comment: " + count.getText());
        browser.clickAndWaitForPage(browser.visible(By.cssSelector(".notifications-link")));
        String notices = browser.visible(By.cssSelector(".notification-list")).getDomProperty("textContent")
                .replaceAll("\\s+", " ");
        assertTrue(notices.contains("Tomás followed you") && notices.contains("liked “Colour studies”")
                && notices.contains("commented on “Colour studies”"), notices);
        browser.screenshot("journey-8-notifications");
        browser.clickAndWaitForPage(browser.visible(By.cssSelector("form[action='/notifications/read'] button")));
        assertTrue(browser.all(By.cssSelector(".notifications-link .badge-count")).isEmpty(), "all read");
    }

    /** A PNG whose left half is one colour and right half another. */
    private Path image(String name, int width, int height, Color left, Color right) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

}
