package org.atelier.server.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What a person does with the header and the sign-in form, shared by the browser tests.
 */
final class Flows {
    /** The signed-in viewer's handle in the header. */
    static final By ACCOUNT_HANDLE = By.cssSelector(".site-account .account-handle");
    /** The header's sign-out button. */
    static final By SIGN_OUT = By.cssSelector(".site-account form[action='/logout'] button[type=submit]");
    /** The header's sign-in link, when signed out. */
    static final By SIGN_IN_LINK = By.cssSelector(".site-account a[href='/login']");
    /** A status message ({@code messages} partial). */
    static final By STATUS = By.cssSelector("main [role=status]");
    /** An error message ({@code messages} partial). */
    static final By ALERT = By.cssSelector("main [role=alert]");

    private Flows() {
    }

    /**
     * Signs in through the form at {@code /login}.
     *
     * @param browser  the browser
     * @param username the username
     * @param password the password
     */
    static void signIn(Browser browser, String username, String password) {
        browser.open("/login");
        browser.type(By.id("login-username"), username);
        browser.type(By.id("login-password"), password);
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("main form[action='/login'] button[type=submit]")));
    }

    /**
     * Signs out with the header's button.
     *
     * @param browser the browser
     */
    static void signOut(Browser browser) {
        browser.clickAndWaitForPage(browser.visible(SIGN_OUT));
    }

    /**
     * A plugin's row on {@code /admin/plugins}.
     *
     * @param browser      the browser
     * @param symbolicName the plugin
     * @return the row
     */
    static WebElement pluginRow(Browser browser, String symbolicName) {
        return browser.visible(pluginRowLocator(symbolicName));
    }

    /**
     * Locates a plugin's row.
     *
     * @param symbolicName the plugin
     * @return the locator
     */
    static By pluginRowLocator(String symbolicName) {
        return By.cssSelector("tr[data-plugin='" + symbolicName + "']");
    }

    /**
     * The text of a plugin's state cell.
     *
     * @param browser      the browser
     * @param symbolicName the plugin
     * @return for example {@code active}
     */
    static String pluginState(Browser browser, String symbolicName) {
        return pluginRow(browser, symbolicName).findElement(By.cssSelector(".plugin-state")).getText().strip();
    }

    /**
     * Clicks one of a plugin row's buttons (Start, Stop, Uninstall, Update) and waits for the page
     * it leads to.
     *
     * @param browser      the browser
     * @param symbolicName the plugin
     * @param label        the button's label
     */
    static void clickPluginButton(Browser browser, String symbolicName, String label) {
        WebElement row = pluginRow(browser, symbolicName);
        WebElement button = row.findElements(By.cssSelector("button")).stream()
                .filter(b -> b.getText().strip().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' button in the row of " + symbolicName
                        + ": " + row.getText()));
        browser.clickAndWaitForPage(button);
    }

    /**
     * The state of an uploaded image as the media API reports it to the signed-in browser.
     *
     * @param browser the browser
     * @param id      the image's public id
     * @return {@code processing}, {@code ready} or {@code failed}
     */
    static String mediaState(Browser browser, String id) {
        return String.valueOf(browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('/api/v1/media/' + arguments[0]).then(r => r.json()).then(j => done(j.state || 'ready'))
                  .catch(e => done('error'));""", id));
    }

    /**
     * The colour of the centre pixel of an image the browser loads (bypassing its cache), as 0xRRGGBB.
     *
     * @param browser the browser
     * @param path    the image's path
     * @return the colour
     */
    static long centrePixel(Browser browser, String path) {
        return ((Number) browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                var img = new Image();
                img.onload = function () {
                  var c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                  var g = c.getContext('2d'); g.drawImage(img, 0, 0);
                  var p = g.getImageData(Math.floor(img.width / 2), Math.floor(img.height / 2), 1, 1).data;
                  done(p[0] * 65536 + p[1] * 256 + p[2]);
                };
                img.src = arguments[0] + '?fresh=' + Date.now();""", path)).longValue();
    }
}
