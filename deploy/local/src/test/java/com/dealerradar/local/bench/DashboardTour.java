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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Walks a running stack's dashboard as a signed-in user would (the demo's headquarters, regional manager
 * or dealer): every page its role is offered, in English and in Chinese, each timed from navigation until
 * its content shows, with a screenshot; then the counts of the overview, the funnel and the lost sales
 * against the API's answers for the same dates and scope. Exits 1 when a page shows an error, logs a
 * JavaScript error, or disagrees with the API.
 * <pre>
 *   bench/dashboard/run.sh --gateway http://127.0.0.1:8080 --key KEY [--out target/tour]
 * </pre>
 */
public final class DashboardTour {


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
            problems.addAll(pagesAgainstApi(browser, gateway, key, pages));
        } finally {
            browser.quit();
        }
        System.out.println("Screenshots in " + out.toAbsolutePath());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> System.out.println("PROBLEM: " + problem));
            System.exit(1);
        }
        System.out.println("Every page showed without an error, and its counts agree with the API.");
    }

    /** A number a page shows, where it shows it, and where the API's answer has it. */
    private record Shown(String name, By where, String pointer) {

        static Shown card(String metric) {
            return new Shown(metric, By.cssSelector("[data-metric='" + metric + "'] .card-value"), "/" + metric);
        }

        static Shown funnelTotal(int column, String field) {
            return new Shown("total " + field, By.cssSelector("#funnel-table tfoot td:nth-child(" + column + ")"),
                    "/total/" + field);
        }
    }

    /** Counts of the overview, the funnel and the lost sales, as shown, against the API for the same dates and scope. */
    private static List<String> pagesAgainstApi(ChromeDriver browser, String gateway, String key, List<String> pages)
            throws Exception {
        List<String> problems = new ArrayList<>();
        problems.addAll(pageAgainstApi(browser, gateway, key, "overview", "/api/analytics/structure?",
                List.of(Shown.card("captured"), Shown.card("won"), Shown.card("defeated"))));
        problems.addAll(pageAgainstApi(browser, gateway, key, "funnel", "/api/analytics/funnel?groupBy=dealer&",
                List.of(Shown.funnelTotal(2, "traffic"), Shown.funnelTotal(3, "kept"), Shown.funnelTotal(4, "followed"),
                        Shown.funnelTotal(5, "won"))));
        if (pages.contains("defeats")) {
            problems.addAll(pageAgainstApi(browser, gateway, key, "defeats", "/api/analytics/defeats?",
                    List.of(Shown.card("reported"), Shown.card("confirmed"), Shown.card("reversed"))));
        }
        return problems;
    }

    /**
     * The page's numbers against the API's, read just before the page and again just after: on a stack
     * still taking in events (the demo's at-risk cases keep coming for minutes) a count may move between
     * the two, and a number shown anywhere between them agrees.
     */
    private static List<String> pageAgainstApi(ChromeDriver browser, String gateway, String key, String page,
            String apiPath, List<Shown> numbers) throws Exception {
        browser.get(gateway + "/#/" + page);
        DashboardBrowser.awaitContent(browser);
        String filters = "from=" + browser.findElement(By.id("from")).getDomProperty("value")
                + "&to=" + browser.findElement(By.id("to")).getDomProperty("value")
                + scopeParameter(browser.findElement(By.id("scope")).getDomProperty("value"));
        JsonNode before = get(gateway + apiPath + filters, key);
        browser.navigate().refresh();
        DashboardBrowser.awaitContent(browser);
        // A page with nothing to count (an empty funnel has no totals row) shows no number at all.
        List<String> shown = numbers.stream().map(number -> browser.findElements(number.where()).stream()
                .findFirst().map(WebElement::getText).orElse("none")).toList();
        JsonNode after = get(gateway + apiPath + filters, key);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            Shown number = numbers.get(i);
            long low = Math.min(before.at(number.pointer()).asLong(), after.at(number.pointer()).asLong());
            long high = Math.max(before.at(number.pointer()).asLong(), after.at(number.pointer()).asLong());
            String digits = shown.get(i).replaceAll("[^0-9]", "");
            long value = digits.isEmpty() ? 0 : Long.parseLong(digits);
            String api = low == high ? String.valueOf(low) : low + ".." + high;
            System.out.printf(Locale.ROOT, "%-9s %-15s shown %8s   API (%s) %s%n", page, number.name(), shown.get(i), filters, api);
            if (value < low || value > high) {
                problems.add("the " + page + " page shows " + number.name() + " " + shown.get(i) + ", the API says " + api);
            }
        }
        return problems;
    }

    private static JsonNode get(String url, String key) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        return JsonMapper.builder().build().readTree(answer.body());
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
