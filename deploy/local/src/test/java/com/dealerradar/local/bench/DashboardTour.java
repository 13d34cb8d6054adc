package com.dealerradar.local.bench;

import com.dealerradar.local.CommandLineOptions;
import com.dealerradar.local.e2e.DashboardBrowser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks a running stack's dashboard as a signed-in user would (the demo's headquarters, regional manager
 * or dealer): every page its role is offered, in English and in Chinese, each timed from navigation until its content shows, with a screenshot; then
 * the overview's counts against the API's answer for the same dates. Exits 1 when a page shows an error,
 * logs a JavaScript error, or disagrees with the API.
 * <pre>
 *   bench/dashboard/run.sh --gateway http://127.0.0.1:8080 --key KEY [--out target/tour]
 * </pre>
 */
public final class DashboardTour {

    private static final List<String> COUNTS = List.of("captured", "won", "defeated");

    private DashboardTour() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions options = CommandLineOptions.parse(args, 0);
        String gateway = options.required("gateway").replaceAll("/+$", "");
        String key = options.required("key");
        Path out = Path.of(options.optional("out", "target/tour"));
        List<String> problems = new ArrayList<>();
        ChromeDriver browser = DashboardBrowser.start();
        try {
            DashboardBrowser.signIn(browser, gateway, key);
            List<String> pages = browser.findElements(By.cssSelector("nav.pages a")).stream()
                    .map(link -> link.getDomAttribute("data-page")).toList();
            System.out.printf(Locale.ROOT, "%-12s %-4s %10s%n", "page", "lang", "ms to show");
            for (String lang : List.of("en", "zh")) {
                browser.findElement(By.cssSelector("[data-lang='" + lang + "']")).click();
                DashboardBrowser.awaitContent(browser);
                for (String page : pages) {
                    long started = System.nanoTime();
                    browser.get(gateway + "/#/" + page);
                    DashboardBrowser.awaitContent(browser);
                    long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    System.out.printf(Locale.ROOT, "%-12s %-4s %10d%n", page, lang, millis);
                    DashboardBrowser.screenshot(browser, out.resolve(page + "-" + lang + ".png"));
                    if (!browser.findElements(By.cssSelector("#content .state.error")).isEmpty()) {
                        problems.add(page + " (" + lang + ") shows an error: "
                                + browser.findElement(By.id("content")).getText());
                    }
                    DashboardBrowser.severeLogs(browser).forEach(log -> problems.add(page + " (" + lang + ") logged " + log));
                }
            }
            problems.addAll(overviewAgainstApi(browser, gateway, key));
        } finally {
            browser.quit();
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
            System.exit(1);
        }
        System.out.println("Every page showed without an error, and the overview agrees with the API.");
    }

    /** The overview's cards, as shown for the dates and scope in its filters, against the analytics API for those. */
    private static List<String> overviewAgainstApi(ChromeDriver browser, String gateway, String key) throws Exception {
        browser.get(gateway + "/#/overview");
        DashboardBrowser.awaitContent(browser);
        String dates = "from=" + browser.findElement(By.id("from")).getDomProperty("value")
                + "&to=" + browser.findElement(By.id("to")).getDomProperty("value")
                + scopeParameter(browser.findElement(By.id("scope")).getDomProperty("value"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/analytics/structure?" + dates)).header("X-Api-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode structure = JsonMapper.builder().build().readTree(answer.body());
        List<String> problems = new ArrayList<>();
        for (String count : COUNTS) {
            String shown = browser.findElement(By.cssSelector("[data-metric='" + count + "'] .card-value")).getText();
            long api = structure.get(count).asLong();
            System.out.printf(Locale.ROOT, "overview %-9s shown %8s   API (%s) %d%n", count, shown, dates, api);
            if (Long.parseLong(shown.replaceAll("[^0-9]", "")) != api) {
                problems.add("the overview shows " + count + " " + shown + ", the API says " + api);
            }
        }
        return problems;
    }

    /** The scope picker's value ({@code group}, {@code region:R} or {@code dealer:D}) as the API's parameter. */
    private static String scopeParameter(String choice) {
        String[] parts = choice.split(":", 2);
        return switch (parts[0]) {
            case "region" -> "&region=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
            case "dealer" -> "&dealerId=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8);
            default -> "";
        };
    }
}
