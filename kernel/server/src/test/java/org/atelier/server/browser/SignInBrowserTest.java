package org.atelier.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.atelier.server.testing.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Signing in and out through the forms, and a wrong password shown in the page.
 */
class SignInBrowserTest {
    @RegisterExtension
    static final ServedInstance INSTANCE = ServedInstance.withOwner();

    @RegisterExtension
    final Browser browser = new Browser(INSTANCE::uri);

    @Test
    void signInThroughTheFormAndSignOutWithTheHeaderButton() {
        browser.open("/");
        browser.clickAndWaitForPage(browser.visible(Flows.SIGN_IN_LINK));
        assertEquals("/login", browser.path());

        Flows.signIn(browser, "owner", TestInstance.PASSWORD);
        assertEquals("/", browser.path());
        assertEquals("@owner", browser.visible(Flows.ACCOUNT_HANDLE).getText());
        assertEquals("Welcome, owner", browser.visible(By.tagName("h1")).getText());
        assertTrue(navLabels().contains("Admin"), "an admin sees the Admin entry: " + navLabels());

        // the session cookie works on the next page
        browser.open("/admin");
        assertEquals("Administration", browser.visible(By.tagName("h1")).getText());

        Flows.signOut(browser);
        assertEquals("/", browser.path());
        assertTrue(browser.all(Flows.ACCOUNT_HANDLE).isEmpty(), "no handle after signing out");
        assertTrue(browser.visible(Flows.SIGN_IN_LINK).isDisplayed());
        assertTrue(!navLabels().contains("Admin"), "no Admin entry after signing out: " + navLabels());

        // the session is really gone
        browser.open("/admin");
        assertEquals("Error 401", browser.visible(By.tagName("h1")).getText());
    }

    @Test
    void aWrongPasswordIsShownInThePage() {
        Flows.signIn(browser, "owner", "not the password at all");
        assertEquals("/login", browser.path());
        WebElement alert = browser.visible(Flows.ALERT);
        assertEquals("Wrong username or password.", alert.getText());
        assertEquals("owner", browser.driver().findElement(By.id("login-username")).getDomProperty("value"),
                "the username is kept");
        assertEquals("", browser.driver().findElement(By.id("login-password")).getDomProperty("value"),
                "the password is not echoed back");
        assertTrue(browser.all(Flows.ACCOUNT_HANDLE).isEmpty(), "not signed in");

        // and then the right one works from the same form
        browser.type(By.id("login-password"), TestInstance.PASSWORD);
        browser.clickAndWaitForPage(browser.driver().findElement(By.cssSelector("main form[action='/login'] button[type=submit]")));
        assertEquals("@owner", browser.visible(Flows.ACCOUNT_HANDLE).getText());
    }

    private java.util.List<String> navLabels() {
        return browser.all(By.cssSelector(".site-nav a")).stream().map(WebElement::getText).toList();
    }
}
