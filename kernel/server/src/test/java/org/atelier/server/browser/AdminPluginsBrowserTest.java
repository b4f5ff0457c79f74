package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.atelier.server.browser.plugin.BrowserTestExtension;
import org.atelier.server.browser.plugin.BrowserTestPlugin;
import org.atelier.server.testing.TestInstance;
import org.atelier.testrig.TestBundles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin plugins page driven like an admin would: the bundled Embeds plugin stopped and
 * started with its row's buttons (and what that does to a YouTube link in the embed preview), a
 * plugin jar uploaded through the install form and uninstalled again, and a file that is not a
 * jar refused on the page.
 */
class AdminPluginsBrowserTest {
    private static final String EMBEDS = "org.atelier.plugin.embeds";
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
    private static final String NOCOOKIE_SRC = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ";
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.withOwner();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @TempDir
    Path temp;

    @BeforeEach
    void signIn() {
        Flows.signIn(browser, "owner", TestInstance.PASSWORD);
        assertEquals("@owner", browser.visible(Flows.ACCOUNT_HANDLE).getText());
    }

    @Test
    void stoppingAndStartingEmbedsChangesWhatAYouTubeLinkBecomes() {
        // reached from the admin page, as a person would
        browser.open("/admin");
        browser.clickAndWaitForPage(browser.visible(By.linkText("Plugins")));
        assertEquals("/admin/plugins", browser.path());

        WebElement row = Flows.pluginRow(browser, EMBEDS);
        assertEquals("Embeds", row.findElement(By.cssSelector(".plugin-name strong")).getText());
        assertEquals("bundled", row.findElement(By.cssSelector(".plugin-name .badge")).getText());
        assertEquals("active", Flows.pluginState(browser, EMBEDS));
        assertEquals("EmbedProvider", row.findElements(By.tagName("td")).get(3).getText().strip());

        // the preview turns the link into a privacy-enhanced YouTube iframe
        assertPreviewIsEmbed();

        // Stop: the row says stopped, the link is a plain link
        browser.open("/admin/plugins");
        Flows.clickPluginButton(browser, EMBEDS, "Stop");
        assertEquals("/admin/plugins", URIPath.of(browser.path()));
        assertEquals("Embeds is stopped.", browser.visible(Flows.STATUS).getText());
        assertEquals("stopped", Flows.pluginState(browser, EMBEDS));
        assertTrue(buttonLabels(EMBEDS).contains("Start"), "a stopped plugin offers Start: " + buttonLabels(EMBEDS));
        assertFalse(buttonLabels(EMBEDS).contains("Stop"), "and no Stop: " + buttonLabels(EMBEDS));

        preview(VIDEO);
        assertTrue(browser.all(By.tagName("iframe")).isEmpty(), "no iframe while Embeds is stopped");
        WebElement link = browser.visible(By.cssSelector(".plain-link a"));
        assertEquals(VIDEO, link.getDomAttribute("href"));
        assertEquals(VIDEO, link.getText());
        assertEquals("nofollow noopener ugc", link.getDomAttribute("rel"));

        // Start again: active, and the iframe is back
        browser.open("/admin/plugins");
        Flows.clickPluginButton(browser, EMBEDS, "Start");
        assertEquals("Embeds is active.", browser.visible(Flows.STATUS).getText());
        assertEquals("active", Flows.pluginState(browser, EMBEDS));
        assertPreviewIsEmbed();
    }

    @Test
    void aPluginJarIsInstalledThroughTheUploadFormAndUninstalledFromItsRow() throws IOException {
        Path jar = temp.resolve("browser-test-plugin.jar");
        Files.write(jar, TestBundles.bundle(BrowserTestPlugin.SYMBOLIC_NAME).name(BrowserTestPlugin.NAME)
                .version("1.2.3").activator(BrowserTestPlugin.class).build());

        browser.open("/admin/plugins");
        List<String> before = pluginRows();
        assertFalse(before.contains(BrowserTestPlugin.SYMBOLIC_NAME));
        assertFalse(navLabels().contains(BrowserTestExtension.NAV_LABEL));

        upload(jar);
        assertEquals("/admin/plugins", URIPath.of(browser.path()));
        assertEquals("Installed " + BrowserTestPlugin.NAME + " 1.2.3 (active).", browser.visible(Flows.STATUS).getText());
        WebElement row = Flows.pluginRow(browser, BrowserTestPlugin.SYMBOLIC_NAME);
        assertEquals(BrowserTestPlugin.NAME, row.findElement(By.cssSelector(".plugin-name strong")).getText());
        assertTrue(row.findElements(By.cssSelector(".badge")).isEmpty(), "an uploaded plugin is not marked bundled");
        assertEquals("1.2.3", row.findElements(By.tagName("td")).get(1).getText().strip());
        assertEquals("active", Flows.pluginState(browser, BrowserTestPlugin.SYMBOLIC_NAME));
        assertEquals("WebExtension", row.findElements(By.tagName("td")).get(3).getText().strip());

        // the plugin's page and navigation entry are live
        assertTrue(navLabels().contains(BrowserTestExtension.NAV_LABEL), "nav: " + navLabels());
        browser.clickAndWaitForPage(browser.visible(By.linkText(BrowserTestExtension.NAV_LABEL)));
        assertEquals(BrowserTestExtension.PATH, browser.path());
        assertEquals(BrowserTestExtension.HEADING, browser.visible(By.id("browser-test-heading")).getText());
        assertEquals("page", browser.visible(By.linkText(BrowserTestExtension.NAV_LABEL)).getDomAttribute("aria-current"));

        // uninstall from its row: the row, the page and the entry are gone
        browser.open("/admin/plugins");
        Flows.clickPluginButton(browser, BrowserTestPlugin.SYMBOLIC_NAME, "Uninstall");
        assertEquals("Uninstalled " + BrowserTestPlugin.SYMBOLIC_NAME + "; its data is kept.",
                browser.visible(Flows.STATUS).getText());
        assertTrue(browser.all(Flows.pluginRowLocator(BrowserTestPlugin.SYMBOLIC_NAME)).isEmpty(), "row gone");
        assertEquals(before, pluginRows());
        assertFalse(navLabels().contains(BrowserTestExtension.NAV_LABEL), "nav: " + navLabels());
        browser.open(BrowserTestExtension.PATH);
        assertEquals("Error 404", browser.visible(By.tagName("h1")).getText());
    }

    @Test
    void aFileThatIsNotAJarIsRefusedOnThePageAndChangesNothing() throws IOException {
        Path text = temp.resolve("notes.txt");
        Files.writeString(text, "this is a text file, not a plugin\n", StandardCharsets.UTF_8);

        browser.open("/admin/plugins");
        List<String> before = pluginRows();
        List<String> statesBefore = before.stream().map(sn -> Flows.pluginState(browser, sn)).toList();

        upload(text);
        // the refusal is shown on the plugins page itself, with the install form ready again
        assertEquals("Plugins", browser.visible(By.tagName("h1")).getText());
        WebElement message = browser.visible(By.cssSelector("main p.error-message[role=alert]"));
        assertTrue(message.getText().contains("not a jar"), message.getText());
        assertTrue(browser.visible(By.id("install-plugin")).isDisplayed());

        browser.open("/admin/plugins");
        assertEquals(before, pluginRows());
        assertEquals(statesBefore, before.stream().map(sn -> Flows.pluginState(browser, sn)).toList());
    }

    private void upload(Path file) {
        WebElement form = browser.visible(By.id("install-plugin"));
        assertEquals("multipart/form-data", form.getDomAttribute("enctype"));
        List<WebElement> fields = form.findElements(By.cssSelector("input"));
        assertEquals("_csrf", fields.get(0).getDomAttribute("name"), "the token is the first multipart field");
        WebElement input = form.findElement(By.id("plugin-jar"));
        assertEquals("jar", input.getDomAttribute("name"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.clickAndWaitForPage(form.findElement(By.cssSelector("button[type=submit]")));
    }

    private void preview(String link) {
        browser.open("/embeds/preview");
        browser.type(By.id("embed-url"), link);
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("main form[action='/embeds/preview'] button[type=submit]")));
        assertTrue(browser.path().startsWith("/embeds/preview?url="), browser.path());
        browser.visible(By.xpath("//main//h2[normalize-space()='Preview']"));
    }

    private void assertPreviewIsEmbed() {
        preview(VIDEO);
        // present, not "visible": see EmbedPreviewBrowserTest for the frame's size
        WebElement iframe = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("figure.embed .embed-frame iframe")));
        assertEquals(NOCOOKIE_SRC, iframe.getDomAttribute("src"));
        String sandbox = iframe.getDomAttribute("sandbox");
        assertTrue(sandbox != null && !sandbox.contains("allow-top-navigation"), "sandboxed: " + sandbox);
        assertTrue(browser.all(By.cssSelector(".plain-link")).isEmpty(), "no plain link for an embedded video");
    }

    private List<String> pluginRows() {
        return browser.all(By.cssSelector("tr[data-plugin]")).stream().map(r -> r.getDomAttribute("data-plugin")).toList();
    }

    private List<String> buttonLabels(String symbolicName) {
        return Flows.pluginRow(browser, symbolicName).findElements(By.tagName("button")).stream()
                .map(b -> b.getText().strip()).toList();
    }

    private List<String> navLabels() {
        return browser.all(By.cssSelector(".site-nav a")).stream().map(WebElement::getText).toList();
    }

    /** The path of a path-and-query. */
    private static final class URIPath {
        static String of(String pathAndQuery) {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }
    }
}
