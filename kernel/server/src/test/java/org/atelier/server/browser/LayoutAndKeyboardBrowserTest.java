package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atelier.server.browser.Browser.Viewport;
import org.atelier.server.testing.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Layout at phone and desktop widths (no sideways page scrolling, a usable navigation,
 * screenshots for a person to look at) and keyboard use (the skip link).
 */
class LayoutAndKeyboardBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.withOwner();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @Test
    void adminPluginsPageFitsAPhoneAndTheNavigationIsUsable() throws Exception {
        Flows.signIn(browser, "owner", TestInstance.PASSWORD);
        browser.resize(Viewport.PHONE);
        browser.open("/admin/plugins");
        Flows.pluginRow(browser, "org.atelier.plugin.embeds");

        assertNoHorizontalOverflow("/admin/plugins");
        // the wide table scrolls inside its own container, which stays within the page
        Map<?, ?> wrap = (Map<?, ?>) browser.js("const w = document.querySelector('.table-wrap');"
                + "const r = w.getBoundingClientRect();"
                + "return {left: r.left, right: r.right, scrollWidth: w.scrollWidth, clientWidth: w.clientWidth,"
                + " overflowX: getComputedStyle(w).overflowX};");
        assertTrue(((Number) wrap.get("left")).doubleValue() >= 0
                && ((Number) wrap.get("right")).doubleValue() <= Viewport.PHONE.width() + 1, "table container: " + wrap);
        assertEquals("auto", wrap.get("overflowX"), "table container: " + wrap);

        // every navigation entry and the account controls are on screen, big enough to tap, not overlapping
        List<WebElement> targets = new ArrayList<>(browser.all(By.cssSelector(".site-nav a")));
        targets.add(browser.visible(Flows.ACCOUNT_HANDLE));
        targets.add(browser.visible(Flows.SIGN_OUT));
        List<Executable> checks = new ArrayList<>();
        List<Map<?, ?>> rects = new ArrayList<>();
        for (WebElement target : targets) {
            Map<?, ?> r = (Map<?, ?>) browser.js("const r = arguments[0].getBoundingClientRect();"
                    + "return {text: arguments[0].textContent.trim(), left: r.left, right: r.right, top: r.top,"
                    + " bottom: r.bottom, width: r.width, height: r.height};", target);
            rects.add(r);
            checks.add(() -> assertTrue(target.isDisplayed(), "hidden: " + r));
            checks.add(() -> assertTrue(num(r, "left") >= 0 && num(r, "right") <= Viewport.PHONE.width() + 1,
                    "off screen: " + r));
            checks.add(() -> assertTrue(num(r, "width") >= 24 && num(r, "height") >= 24,
                    "smaller than a 24×24 px target (WCAG 2.5.8): " + r));
        }
        for (int i = 0; i < rects.size(); i++) {
            for (int j = i + 1; j < rects.size(); j++) {
                Map<?, ?> a = rects.get(i);
                Map<?, ?> b = rects.get(j);
                checks.add(() -> assertTrue(num(a, "right") <= num(b, "left") || num(b, "right") <= num(a, "left")
                        || num(a, "bottom") <= num(b, "top") || num(b, "bottom") <= num(a, "top"), "overlap: " + a + " " + b));
            }
        }
        assertAll(checks);
        Path phone = browser.screenshot("admin-plugins-phone");

        // tapping an entry works at this width
        browser.clickAndWaitForPage(browser.visible(By.cssSelector(".site-nav a[href='/embeds/preview']")));
        assertEquals("/embeds/preview", browser.path());
        assertEquals("page", browser.visible(By.cssSelector(".site-nav a[href='/embeds/preview']")).getDomAttribute("aria-current"));

        browser.resize(Viewport.DESKTOP);
        browser.open("/admin/plugins");
        Flows.pluginRow(browser, "org.atelier.plugin.embeds");
        assertNoHorizontalOverflow("/admin/plugins");
        Path desktop = browser.screenshot("admin-plugins-desktop");

        // and the dark scheme, for a person to judge the contrast
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.open("/admin/plugins");
        assertEquals(true, browser.js("return matchMedia('(prefers-color-scheme: dark)').matches"));
        Path dark = browser.screenshot("admin-plugins-desktop-dark");
        assertTrue(Files.size(phone) > 0 && Files.size(desktop) > 0 && Files.size(dark) > 0);
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        Flows.signIn(browser, "owner", TestInstance.PASSWORD);
        browser.resize(Viewport.PHONE);
        List<Executable> checks = new ArrayList<>();
        for (String path : List.of("/", "/admin", "/admin/plugins", "/admin/accounts", "/settings/profile", "/@owner",
                "/embeds/preview?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ%0Ahttps%3A%2F%2Fexample.org%2F"
                        + "a-rather-long-link-that-could-push-the-page-sideways-on-a-small-screen-if-it-does-not-wrap")) {
            browser.open(path);
            Map<?, ?> sizes = sizes();
            checks.add(() -> assertTrue(num(sizes, "scrollWidth") <= num(sizes, "innerWidth") + 1,
                    path + " scrolls sideways: " + sizes));
        }
        Flows.signOut(browser);
        for (String path : List.of("/login", "/register", "/setup")) {
            browser.open(path);
            Map<?, ?> sizes = sizes();
            checks.add(() -> assertTrue(num(sizes, "scrollWidth") <= num(sizes, "innerWidth") + 1,
                    path + " scrolls sideways: " + sizes));
        }
        browser.open("/embeds/preview?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DdQw4w9WgXcQ");
        browser.screenshot("embed-preview-phone");
        assertAll(checks);
    }

    @Test
    void theSkipLinkIsTheFirstStopAndMovesFocusToMain() {
        browser.open("/");
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        WebElement first = browser.driver().switchTo().activeElement();
        assertEquals("a", first.getTagName());
        assertEquals("skip-link", first.getDomAttribute("class"));
        assertEquals("#main", first.getDomAttribute("href"));
        assertEquals("Skip to content", first.getText());
        Map<?, ?> r = (Map<?, ?>) browser.js("const r = arguments[0].getBoundingClientRect();"
                + "return {top: r.top, bottom: r.bottom, left: r.left, width: r.width};", first);
        assertTrue(num(r, "top") >= 0 && num(r, "width") > 0, "the focused skip link is on screen: " + r);

        new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
        browser.waitUntil(d -> "#main".equals(browser.js("return location.hash")));
        // focus (or, for a main without tabindex, the sequential focus starting point) is in main:
        // the next Tab lands on main's first link, not in the header
        new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
        Boolean inMain = (Boolean) browser.js("return document.querySelector('main#main').contains(document.activeElement)"
                + " && document.activeElement !== document.querySelector('main#main')");
        assertTrue(inMain, "after the skip link, Tab went to "
                + browser.js("return document.activeElement.outerHTML.slice(0, 200)"));
        String firstInMain = (String) browser.js("return document.querySelector('main#main')"
                + ".querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex=\"-1\"])').outerHTML");
        assertEquals(firstInMain, browser.js("return document.activeElement.outerHTML"));
    }

    private Map<?, ?> sizes() {
        return (Map<?, ?>) browser.js("return {scrollWidth: document.documentElement.scrollWidth,"
                + " innerWidth: window.innerWidth, path: location.pathname};");
    }

    private void assertNoHorizontalOverflow(String what) {
        Map<?, ?> sizes = sizes();
        assertTrue(num(sizes, "scrollWidth") <= num(sizes, "innerWidth") + 1, what + " scrolls sideways: " + sizes);
    }

    private static double num(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
