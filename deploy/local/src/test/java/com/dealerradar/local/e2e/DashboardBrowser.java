package com.dealerradar.local.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium from the OS packages: start it, sign in with a key, wait for a page,
 * read its browser log and save screenshots. Shared by the browser tests and the demo's tour.
 */
public final class DashboardBrowser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private DashboardBrowser() {
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,1000", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * Opens the dashboard signed out, pastes {@code key} and waits for the first page. What the signed-out
     * page logged before (a request of a previous session refused 401) is read and dropped.
     */
    public static void signIn(ChromeDriver browser, String gatewayUrl, String key) {
        browser.get(gatewayUrl + "/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.navigate().refresh();
        WebElement input = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("api-key")));
        severeLogs(browser);
        input.sendKeys(key);
        browser.findElement(By.id("signin-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("scope")).isEmpty());
        awaitContent(browser);
    }

    /**
     * Waits until the page's content is shown: not loading any more, and not blank. Looks every 20 ms
     * (the default is every 500 ms), so that the tour's times say when the page showed, not when it was next looked at.
     */
    public static void awaitContent(ChromeDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(20)).until(d -> {
            List<WebElement> content = d.findElements(By.id("content"));
            return !content.isEmpty() && d.findElements(By.cssSelector("#content .state.loading")).isEmpty()
                    && !content.get(0).getText().isBlank();
        });
    }

    /** The browser log's errors since the last call. */
    public static List<String> severeLogs(ChromeDriver browser) {
        List<String> severe = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(entry.getMessage());
            }
        }
        return severe;
    }

    public static void screenshot(ChromeDriver browser, Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save the screenshot " + file, e);
        }
    }
}
