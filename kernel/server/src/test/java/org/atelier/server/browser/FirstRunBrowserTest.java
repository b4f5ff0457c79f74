package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atelier.server.testing.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The owner's first run, in a real browser: from the home page's notice to {@code /setup}, a
 * wrong token refused on the page, the right one creating the admin and signing them in.
 */
class FirstRunBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.fresh();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @Test
    void ownerSetsUpTheInstanceWithTheConsoleToken() {
        String token = INSTANCE.get().atelier().pendingSetupToken().orElseThrow();

        // the home page points the owner to /setup
        browser.open("/");
        WebElement notice = browser.visible(Flows.STATUS);
        assertTrue(notice.getText().contains("no admin yet"), notice.getText());
        browser.clickAndWaitForPage(notice.findElement(By.cssSelector("a[href='/setup']")));
        assertEquals("/setup", browser.path());
        assertEquals("Set up this instance", browser.visible(By.tagName("h1")).getText());
        assertTrue(browser.all(Flows.ACCOUNT_HANDLE).isEmpty(), "nobody is signed in yet");

        // a wrong token is refused in the page, keeping what was typed except the password
        fillSetup("not-the-token", "owner", "owner@example.org", TestInstance.PASSWORD);
        WebElement alert = browser.visible(Flows.ALERT);
        assertTrue(alert.getText().contains("setup token is not right"), alert.getText());
        assertEquals("owner", browser.driver().findElement(By.id("setup-username")).getDomProperty("value"));
        assertEquals("owner@example.org", browser.driver().findElement(By.id("setup-email")).getDomProperty("value"));
        assertEquals("", browser.driver().findElement(By.id("setup-password")).getDomProperty("value"));
        assertTrue(INSTANCE.get().atelier().pendingSetupToken().isPresent(), "a wrong token does not use up the real one");

        // the right token creates the admin, signs them in and lands on /admin
        fillSetup(token, "owner", "owner@example.org", TestInstance.PASSWORD);
        browser.waitUntil(d -> browser.path().equals("/admin"));
        assertEquals("Administration", browser.visible(By.tagName("h1")).getText());
        assertEquals("@owner", browser.visible(Flows.ACCOUNT_HANDLE).getText());
        assertEquals("/@owner", browser.visible(Flows.ACCOUNT_HANDLE).getDomAttribute("href"));
        assertEquals("Sign out", browser.visible(Flows.SIGN_OUT).getText());
        assertTrue(browser.all(Flows.SIGN_IN_LINK).isEmpty(), "no Sign in link once signed in");
        assertTrue(INSTANCE.get().atelier().pendingSetupToken().isEmpty(), "the token is used up");

        // the setup page is closed now
        browser.open("/setup");
        assertTrue(browser.visible(Flows.STATUS).getText().contains("Setup is complete"));
        assertTrue(browser.all(By.id("setup-token")).isEmpty(), "no setup form after setup");
    }

    private void fillSetup(String token, String username, String email, String password) {
        browser.type(By.id("setup-token"), token);
        browser.type(By.id("setup-username"), username);
        browser.type(By.id("setup-email"), email);
        browser.type(By.id("setup-password"), password);
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("main form[action='/setup'] button[type=submit]")));
    }
}
