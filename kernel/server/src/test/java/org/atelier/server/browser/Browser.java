package org.atelier.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.manager.SeleniumManager;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for one test, as a JUnit extension: started before each test with a
 * fresh profile, quit after it, and a full-page screenshot (plus the page source) saved to
 * {@code target/browser-screenshots/} when the test fails.
 *
 * <p>Nothing is downloaded and nothing leaves the machine: the driver and the browser are
 * Debian's ({@code /usr/bin/chromedriver}, {@code /usr/bin/chromium}), so Selenium Manager is
 * never run (checked after every start); Chromium runs with its background networking switched
 * off, and every host name except the instance's loopback address resolves to nothing, so
 * third-party iframes (a YouTube embed) cannot reach out either.
 *
 * <pre>{@code
 * @RegisterExtension
 * final Browser browser = new Browser(() -> instance.atelier().localUri());
 * }</pre>
 */
public final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {
    /** Debian's Chromium. */
    public static final String CHROMIUM = "/usr/bin/chromium";
    /** Debian's chromedriver, of the same version. */
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** How long explicit waits wait. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    /** Viewport sizes the tests use, in CSS pixels. */
    public enum Viewport {
        /** A laptop window. */
        DESKTOP(1280, 900),
        /** A phone held upright (iPhone 12–15 class). */
        PHONE(390, 844);

        private final int width;
        private final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }

        /** @return the width in CSS pixels */
        public int width() {
            return width;
        }

        /** @return the height in CSS pixels */
        public int height() {
            return height;
        }
    }

    private final Supplier<URI> base;
    private ChromeDriver driver;
    private Path profile;
    private String testName = "browser";

    /**
     * Creates the fixture.
     *
     * @param base the instance's address, looked up when a page is opened
     */
    public Browser(Supplier<URI> base) {
        this.base = base;
    }

    /** @return where screenshots go: {@code target/browser-screenshots} of this module */
    public static Path screenshotDir() {
        return Path.of(System.getProperty("basedir", "."), "target", "browser-screenshots");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        if (context.getDisplayName().startsWith("[")) {
            // one of several invocations (a parameterized test): keep each one's screenshot
            testName += "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        }
        start();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && driver != null) {
            try {
                screenshot(testName + "-FAILED");
                Files.writeString(screenshotDir().resolve(testName + "-FAILED.html"),
                        driver.getCurrentUrl() + "\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            } catch (RuntimeException | IOException e) {
                context.getExecutionException().get().addSuppressed(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        quit();
    }

    /** Starts Chromium with a fresh profile at desktop size. */
    public void start() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        try {
            profile = Files.createTempDirectory("atelier-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--disable-default-apps",
                "--disable-domain-reliability",
                "--disable-client-side-phishing-detection",
                "--metrics-recording-only",
                "--password-store=basic",
                // only the instance under test resolves; an embedded YouTube iframe gets NXDOMAIN
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--user-data-dir=" + profile,
                "--window-size=" + Viewport.DESKTOP.width() + "," + Viewport.DESKTOP.height(),
                "--force-device-scale-factor=1",
                "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        requireSeleniumManagerUnused();
        resize(Viewport.DESKTOP);
    }

    /**
     * Fails if Selenium Manager was ever run in this JVM: it extracts its binary (and would fetch
     * drivers and browsers) only when no driver path was given.
     */
    static void requireSeleniumManagerUnused() {
        try {
            Field binary = SeleniumManager.class.getDeclaredField("binary");
            binary.setAccessible(true);
            Object path = binary.get(SeleniumManager.getInstance());
            if (path != null) {
                throw new IllegalStateException("Selenium Manager was run (" + path + "); it must not be");
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot check Selenium Manager", e);
        }
    }

    /** Quits Chromium and removes its profile. */
    public void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory; the OS cleans up what is left
                }
                profile = null;
            }
        }
    }

    /** @return the driver */
    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("the browser is not running");
        }
        return driver;
    }

    /**
     * The absolute address of a path on the instance.
     *
     * @param path a path starting with {@code /}
     * @return the address
     */
    public String url(String path) {
        return base.get().resolve(path).toString();
    }

    /**
     * Opens a page of the instance and waits until it has loaded.
     *
     * @param path a path starting with {@code /}
     */
    public void open(String path) {
        driver().get(url(path));
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    /** @return the path (and query) of the current page */
    public String path() {
        URI uri = URI.create(driver().getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /**
     * Sets the viewport (not the window) to a size, checking that the page really is that wide.
     *
     * @param viewport the size
     */
    public void resize(Viewport viewport) {
        // headless windows have no browser chrome, so the window size is the viewport size
        driver().manage().window().setSize(new org.openqa.selenium.Dimension(viewport.width(), viewport.height()));
        long inner = ((Number) js("return window.innerWidth")).longValue();
        if (inner != viewport.width()) {
            // some builds keep a minimum window width; emulate the viewport instead
            driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", viewport.width(),
                    "height", viewport.height(), "deviceScaleFactor", 1, "mobile", false));
        }
        // overlay scrollbars, as on phones (and macOS): a classic 15 px scrollbar would make the
        // layout narrower than innerWidth and hide up to 15 px of sideways overflow
        driver().executeCdpCommand("Emulation.setScrollbarsHidden", Map.of("hidden", true));
        waitUntil(d -> ((Number) js("return window.innerWidth")).longValue() == viewport.width()
                && ((Number) js("return document.documentElement.clientWidth")).longValue() == viewport.width());
    }

    /**
     * Runs a script in the page.
     *
     * @param script the script, with {@code return} for a value
     * @param args   {@code arguments[i]}
     * @return what it returned
     */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    /**
     * Waits (explicitly, up to {@link #WAIT}) for a condition.
     *
     * @param condition the condition
     * @param <T>       what it yields
     * @return its value once truthy
     */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver(), WAIT).until(condition::apply);
    }

    /**
     * Waits for an element to be present and visible.
     *
     * @param by the locator
     * @return the element
     */
    public WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * The elements a locator matches now (no waiting).
     *
     * @param by the locator
     * @return the elements, perhaps none
     */
    public List<WebElement> all(By by) {
        return driver().findElements(by);
    }

    /**
     * Clicks something that loads a new page (a submit button, a link) and waits until the new
     * page has replaced the old one and finished loading.
     *
     * @param element what to click
     */
    public void clickAndWaitForPage(WebElement element) {
        // mark the old page's window: a navigation brings a new window object without the mark.
        // (Polling an old element for staleness is racy here: while the new document commits,
        // chromedriver may answer "Node with given id does not belong to the document".)
        String mark = UUID.randomUUID().toString();
        js("window.__atelierPageMark = arguments[0];", mark);
        element.click();
        new WebDriverWait(driver(), WAIT).ignoring(WebDriverException.class)
                .withMessage("a new page to load after clicking")
                .until(d -> "complete".equals(js("return window.__atelierPageMark === arguments[0] ? 'old'"
                        + " : document.readyState;", mark)));
    }

    /**
     * Replaces a text field's content.
     *
     * @param by   the field
     * @param text what to type
     */
    public void type(By by, String text) {
        WebElement field = visible(by);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Saves a full-page PNG (the whole document, not only the viewport).
     *
     * @param name the file name, without {@code .png}
     * @return the file
     */
    @SuppressWarnings("unchecked")
    public Path screenshot(String name) {
        try {
            Path dir = Files.createDirectories(screenshotDir());
            Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0,
                    "width", ((Number) content.get("width")).doubleValue(),
                    "height", ((Number) content.get("height")).doubleValue(), "scale", 1);
            Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            Path file = dir.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
