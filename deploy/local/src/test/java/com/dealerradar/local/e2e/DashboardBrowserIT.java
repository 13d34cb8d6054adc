package com.dealerradar.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium from the OS packages) on the local stack's jars:
 * HQ, a regional manager and a dealer sign in with keys and read fixture data with known numbers on
 * every page, in both languages; the scope picker offers only what the role may see; a revoked key
 * goes back to sign-in; no page logs a JavaScript error. Screenshots land in target/screenshots.
 * Skipped where chromium or chromedriver is not installed.
 * <p>
 * Headquarters' pages show the whole group, so this class runs first on the shared stack
 * ({@link SharedStack#GROUP_WIDE}), while the group holds its fixture alone.
 */
@SharedStack
@Order(SharedStack.GROUP_WIDE)
class DashboardBrowserIT {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ZoneId GROUP_ZONE = ZoneId.of("Asia/Shanghai");

    static LocalStack stack;
    static ChromeDriver browser;
    static String month;
    static String range;
    static String hqKey;
    static String managerKey;
    static String dealerKey;
    static String otherDealerKey;
    static String bt01Key;
    /** The group's cadence before the fixture's, put back when the class is done. */
    static String cadence;

    @BeforeAll
    static void postFixtureAndStartBrowser(LocalStack shared) throws Exception {
        assumeTrue(DashboardBrowser.installed(), "chromium and chromium-driver (Debian packages) are not installed");
        stack = shared;
        // The previous month: whole, in the past, and inside the dashboard's default twelve months.
        YearMonth previous = YearMonth.from(LocalDate.now(GROUP_ZONE)).minusMonths(1);
        month = previous.toString();
        range = "from=" + previous.atDay(1) + "&to=" + previous.atEndOfMonth();
        postFixture();
        browser = DashboardBrowser.start();
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowserAndRestoreCadence() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (cadence != null) {
            check(Gateway.call(stack, "PUT", "/api/follow-ups/cadence", stack.adminKey(), cadence), 200);
        }
    }

    @Test
    void headquartersSeesTheWholeGroupOnEveryPage() {
        signIn(hqKey);
        assertThat(scopeChoices()).containsExactly("group", "region:Baotou", "region:Chifeng",
                "dealer:D-BT-01", "dealer:D-CF-01", "dealer:D-CF-02");
        for (String lang : List.of("en", "zh")) {
            language(lang);
            String overview = page("hq", lang, "overview", range);
            assertThat(overview).contains(lang.equals("en") ? "Leads captured (traffic)" : "集客量")
                    .contains(lang.equals("en") ? "Won" : "成交");
            assertThat(metric("captured")).isEqualTo("19");
            assertThat(metric("won")).isEqualTo("6");
            assertThat(metric("spend")).isEqualTo("¥13,000");

            String funnel = page("hq", lang, "funnel", range + "&groupBy=dealer");
            assertThat(row("funnel-table", "D-CF-01")).containsSubsequence("9", "9", "8", "3");
            assertThat(funnel).contains(lang.equals("en") ? "Weakest stage" : "最弱环节");

            String benchmark = page("hq", lang, "benchmark", range);
            assertThat(row("bench-table", "D-BT-01")).startsWith("1").contains("40.0%");
            assertThat(row("bench-table", "D-CF-02")).startsWith("3").contains("25.0%");
            assertThat(benchmark).contains(lang.equals("en") ? "Regional median: 33.3%" : "区域中位数: 33.3%");

            String comparison = page("hq", lang, "comparison", range + "&dimension=channel");
            assertThat(row("comparison-table", "Chifeng")).contains("4");
            assertThat(comparison).contains(lang.equals("en") ? "Showroom" : "展厅");

            String missed = page("hq", lang, "missed", range + "&missedRegion=Chifeng");
            assertThat(missed).contains(lang.equals("en") ? "No missed prospects" : "没有潜在商机");
        }
    }

    @Test
    void aRegionalManagerSeesItsRegionAndItsDealersOnly() throws Exception {
        signIn(managerKey);
        assertThat(scopeChoices()).containsExactly("region:Chifeng", "dealer:D-CF-01", "dealer:D-CF-02");
        for (String lang : List.of("en", "zh")) {
            language(lang);
            page("manager", lang, "overview", range + "&region=Chifeng");
            assertThat(metric("captured")).isEqualTo("14");
            assertThat(metric("won")).isEqualTo("4");

            String funnel = page("manager", lang, "funnel", range + "&region=Chifeng&groupBy=channel");
            assertThat(row("funnel-table", lang.equals("en") ? "Showroom" : "展厅")).containsSubsequence("10", "10", "10", "4");
            assertThat(funnel).doesNotContain("D-BT-01");

            assertWorkShowsEveryCallbackDue("manager", lang, range + "&region=Chifeng",
                    "/api/defeats/callbacks/due?region=Chifeng&size=1", managerKey);
            long due = total("/api/follow-ups/due?region=Chifeng&until=2100-01-01T00:00:00%2B08:00&size=1", managerKey);
            assertThat(due).isPositive();
            assertThat(page("manager", lang, "work", range + "&region=Chifeng"))
                    .contains(lang.equals("en") ? "Follow-ups due" : "待跟进");

            String speed = page("manager", lang, "speed", range + "&region=Chifeng&groupBy=dealer");
            assertThat(row("speed-table", "D-CF-01")).containsSubsequence("9", "8", "30.0", "30.0", "100.0%");
            assertThat(speed).contains(lang.equals("en") ? "Reached within 1 h" : "1 小时内联系");
        }
    }

    @Test
    void aDealerSeesItselfWithItsCostsLossesAndWork() throws Exception {
        signIn(dealerKey);
        assertThat(scopeChoices()).containsExactly("dealer:D-CF-01");
        assertThat(browser.findElements(By.cssSelector("nav.pages a")).stream().map(a -> a.getAttribute("data-page")))
                .containsExactly("overview", "funnel", "channels", "speed", "defeats", "work");
        for (String lang : List.of("en", "zh")) {
            language(lang);
            String overview = page("dealer", lang, "overview", range + "&dealerId=D-CF-01");
            assertThat(metric("captured")).isEqualTo("10");
            assertThat(metric("won")).isEqualTo("3");
            assertThat(metric("potential")).isEqualTo("4");
            assertThat(metric("defeated")).isEqualTo("2");
            assertThat(metric("costPerLead")).isEqualTo("¥1,300");
            assertThat(metric("defeatedSpend")).isEqualTo("¥2,600");
            assertThat(overview).contains(lang.equals("en") ? "Spend on defeated leads" : "战败线索费用")
                    .contains(lang.equals("en") ? "Potential" : "潜在");

            String channels = page("dealer", lang, "channels", range + "&dealerId=D-CF-01");
            assertThat(row("channels-table", lang.equals("en") ? "Online" : "网络")).contains("25.0%");
            assertThat(row("channels-table", lang.equals("en") ? "Showroom" : "展厅"))
                    .contains("50.0%", "¥8,000", "¥1,333.33", "¥2,666.67");
            assertThat(channels).contains(lang.equals("en") ? "Cost per won" : "单台成交成本");

            String defeats = page("dealer", lang, "defeats", range + "&dealerId=D-CF-01");
            assertThat(metric("reported")).isEqualTo("4");
            assertThat(metric("reversed")).isEqualTo("1");
            assertThat(metric("falseDefeatRate")).isEqualTo("33.3%");
            assertThat(row("false-defeat-table", "D-CF-01")).contains("33.3%");
            assertThat(defeats).contains(lang.equals("en") ? "Reversed (false)" : "虚假战败")
                    .contains(lang.equals("en") ? "Lost to another dealer of the group" : "流向集团内其他经销商");

            assertWorkShowsEveryCallbackDue("dealer", lang, range + "&dealerId=D-CF-01",
                    "/api/defeats/callbacks/due?dealerId=D-CF-01&size=1", dealerKey);
        }
        // A tablet held upright: the same page, one column, nothing cut off.
        browser.manage().window().setSize(new Dimension(820, 1180));
        try {
            page("dealer-tablet", "zh", "overview", range + "&dealerId=D-CF-01");
            assertThat(metric("costPerLead")).isEqualTo("¥1,300");
            Number overflow = (Number) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 1000));
        }
    }

    @Test
    void aRevokedKeyReturnsToSignIn() throws Exception {
        HttpResponse<String> issued = Gateway.call(stack, "POST", "/api/keys", stack.adminKey(),
                "{\"role\": \"HQ\", \"label\": \"to be revoked\"}");
        String key = JsonPath.read(issued.body(), "$.apiKey");
        String keyId = JsonPath.read(issued.body(), "$.keyId");
        signIn(key);
        page("revoked", "en", "overview", range);
        assertThat(Gateway.call(stack, "DELETE", "/api/keys/" + keyId, stack.adminKey(), null).statusCode()).isEqualTo(204);

        browser.get(stack.gatewayUrl() + "/#/funnel?" + range);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("signin-message")).isEmpty());
        assertThat(browser.findElement(By.id("signin-message")).getText()).contains("unknown or revoked");
        assertThat(sessionKey()).isNull();
        screenshot("revoked-signin");
        // The refused request itself is logged by the browser as a failed load; nothing else may be.
        assertThat(severeLogs()).allMatch(message -> message.contains("401"));
    }

    // --- the browser -------------------------------------------------------------------------------------

    private static void signIn(String key) {
        DashboardBrowser.signIn(browser, stack.gatewayUrl(), key);
        assertThat(severeLogs()).isEmpty();
    }

    private static void language(String lang) {
        browser.findElement(By.cssSelector("[data-lang='" + lang + "']")).click();
        awaitContent();
    }

    /** Opens a page with the given query, waits for it, saves its screenshot and returns its text. */
    private static String page(String who, String lang, String page, String query) {
        browser.get(stack.gatewayUrl() + "/#/" + page + "?" + query);
        awaitContent();
        String text = browser.findElement(By.id("content")).getText();
        assertThat(browser.findElements(By.cssSelector("#content .state.error"))).as(text).isEmpty();
        screenshot(who + "-" + page + "-" + lang);
        assertThat(severeLogs()).as("JavaScript errors on " + page).isEmpty();
        return text;
    }

    private static void awaitContent() {
        DashboardBrowser.awaitContent(browser);
    }

    private static List<String> scopeChoices() {
        return new Select(browser.findElement(By.id("scope"))).getOptions().stream()
                .map(option -> option.getAttribute("value")).toList();
    }

    private static String metric(String name) {
        return browser.findElement(By.cssSelector("[data-metric='" + name + "'] .card-value")).getText();
    }

    /** The text of the first row of a table whose text contains {@code contains}, cells separated by spaces. */
    private static String row(String tableId, String contains) {
        return browser.findElements(By.cssSelector("#" + tableId + " tbody tr")).stream()
                .map(WebElement::getText)
                .filter(text -> text.contains(contains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + contains + " in #" + tableId));
    }

    private static String sessionKey() {
        return (String) ((JavascriptExecutor) browser).executeScript("return sessionStorage.getItem('radar.apiKey');");
    }

    private static List<String> severeLogs() {
        return DashboardBrowser.severeLogs(browser);
    }

    private static void screenshot(String name) {
        DashboardBrowser.screenshot(browser, SCREENSHOTS.resolve(name + ".png"));
    }

    // --- the fixture, posted through the API --------------------------------------------------------------

    /**
     * Chifeng: D-CF-01 with 10 leads (1 invalid, 3 won, losses: 1 confirmed defeated, 1 confirmed at risk,
     * 1 false, 1 awaiting its callback; 13,000 CNY spend) and D-CF-02 with 4 leads (1 won); Baotou: D-BT-01
     * with 5 leads (2 won). Every valid lead but one of D-CF-01 is reached 30 minutes after capture.
     */
    private static void postFixture() throws Exception {
        patientCadence();
        dealer("D-CF-01", "Chifeng Changan 4S", "Chifeng");
        dealer("D-CF-02", "Chifeng Changan City Store", "Chifeng");
        dealer("D-BT-01", "Baotou Changan 4S", "Baotou");
        hqKey = Gateway.issueKey(stack, "{\"role\": \"HQ\", \"label\": \"hq\"}");
        managerKey = Gateway.issueKey(stack, "{\"role\": \"REGION_MANAGER\", \"region\": \"Chifeng\", \"label\": \"chifeng\"}");
        dealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-01\", \"label\": \"cf01\"}");
        otherDealerKey = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-CF-02\", \"label\": \"cf02\"}");
        bt01Key = Gateway.issueKey(stack, "{\"role\": \"DEALER\", \"dealerId\": \"D-BT-01\", \"label\": \"bt01\"}");

        List<String> cf01 = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            cf01.add(lead(dealerKey, "D-CF-01", i, i <= 6 ? "SHOWROOM" : "ONLINE"));
        }
        check(Gateway.call(stack, "POST", "/api/leads/" + cf01.get(9) + "/invalid", dealerKey,
                "{\"occurredAt\": \"" + at(10, 11) + "\", \"reason\": \"WRONG_CONTACT\"}"), 200);
        for (int i = 1; i <= 8; i++) {
            followUp(dealerKey, cf01.get(i - 1), i);
        }
        for (int i = 1; i <= 3; i++) {
            deal(dealerKey, cf01.get(i - 1), i, 1);
        }
        String lost = defeat(dealerKey, cf01.get(3), 4, "DEFEATED", "BOUGHT_COMPETITOR");
        callback(dealerKey, lost, 4, "CONFIRMED");
        String gaveUp = defeat(dealerKey, cf01.get(4), 5, "AT_RISK", "GAVE_UP");
        callback(dealerKey, gaveUp, 5, "CONFIRMED");
        String falseLoss = defeat(dealerKey, cf01.get(5), 6, "DEFEATED", "BOUGHT_COMPETITOR");
        callback(dealerKey, falseLoss, 6, "FALSE_DEFEAT");
        defeat(dealerKey, cf01.get(6), 7, "DEFEATED", "LOST_CONTACT");
        check(Gateway.call(stack, "PUT", "/api/analytics/spend/D-CF-01/" + month, stack.adminKey(),
                "{\"total\": 13000, \"byChannel\": {\"SHOWROOM\": 8000, \"ONLINE\": 5000}}"), 200);

        for (int i = 1; i <= 4; i++) {
            String id = lead(otherDealerKey, "D-CF-02", 10 + i, "SHOWROOM");
            followUp(otherDealerKey, id, 10 + i);
            if (i == 1) {
                deal(otherDealerKey, id, 11, 2);
            }
        }
        for (int i = 1; i <= 5; i++) {
            String id = lead(bt01Key, "D-BT-01", 20 + i, "PHONE");
            followUp(bt01Key, id, 20 + i);
            if (i <= 2) {
                deal(bt01Key, id, 20 + i, 1);
            }
        }
        awaitAnalytics();
    }

    /**
     * The fixture's numbers are known only if no fixture lead becomes an at-risk case of its own (past its
     * window, or long overdue, as last month's leads would be under the usual cadence): the group is given
     * a cadence under which none of them is, for as long as the class runs.
     */
    private static void patientCadence() throws Exception {
        cadence = check(Gateway.call(stack, "GET", "/api/follow-ups/cadence", stack.adminKey(), null), 200);
        String rule = "{\"intervalDays\": 60, \"windowDays\": 120}";
        check(Gateway.call(stack, "PUT", "/api/follow-ups/cadence", stack.adminKey(), "{\"grades\": {\"H\": " + rule
                + ", \"A\": " + rule + ", \"B\": " + rule + ", \"C\": " + rule + "}}"), 200);
    }

    private static void dealer(String id, String name, String region) throws Exception {
        check(Gateway.call(stack, "POST", "/api/dealers", stack.adminKey(), "{\"dealerId\": \"" + id
                + "\", \"name\": \"" + name + "\", \"region\": \"" + region + "\", \"brand\": \"Changan\"}"), 201);
    }

    private static String lead(String key, String dealerId, int n, String channel) throws Exception {
        String body = """
                {"dealerId": "%s", "externalRef": "web-%d", "occurredAt": "%s", "channel": "%s", "grade": "H",
                 "contactRetained": true, "model": "CS75 PLUS", "consultant": "wang.li",
                 "customer": {"kind": "INDIVIDUAL", "name": "Customer %d", "phone": "1390000%04d"}}
                """.formatted(dealerId, n, at(n, 10), channel, n, n);
        return JsonPath.read(check(Gateway.call(stack, "POST", "/api/leads", key, body), 201), "$.leadId");
    }

    private static void followUp(String key, String leadId, int n) throws Exception {
        String body = """
                {"leadId": "%s", "externalRef": "fu-%d", "occurredAt": "%s", "type": "CALL", "outcome": "REACHED",
                 "consultant": "wang.li"}""".formatted(leadId, n, at(n, 10).replace("T10:00", "T10:30"));
        // A just-started followup-service may be too busy to answer within the gateway's timeout (503); a
        // dealer system sends the same follow-up again, and so does the fixture.
        HttpResponse<String> answer = await("follow-up " + n + " answered").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.call(stack, "POST", "/api/follow-ups", key, body), sent -> sent.statusCode() != 503);
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201, 202);
    }

    private static void deal(String key, String leadId, int n, int vehicles) throws Exception {
        check(Gateway.call(stack, "POST", "/api/leads/" + leadId + "/deal", key, "{\"occurredAt\": \"" + at(n, 16)
                + "\", \"model\": \"CS75 PLUS\", \"price\": 120000, \"vehicles\": " + vehicles + "}"), 200);
    }

    /** The work page counts every callback due, as the API does; at least the fixture's loss awaits one. */
    private static void assertWorkShowsEveryCallbackDue(String user, String lang, String query, String api, String key) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String work = page(user, lang, "work", query);
            long callbacks = total(api, key);
            assertThat(callbacks).isPositive();
            assertThat(work).contains(lang.equals("en") ? "Defeat callbacks due (" + callbacks + " in all)"
                    : "待战败回访 (共 " + callbacks + " 条)");
        });
    }

    /** Reports a loss once the defeat service has heard of the lead (it learns leads from their events). */
    private static String defeat(String key, String leadId, int n, String kind, String subtype) throws Exception {
        String body = """
                {"leadId": "%s", "externalRef": "lost-%d", "occurredAt": "%s", "kind": "%s", "subtype": "%s",
                 "reasons": ["PRICE"], "competitorBrand": "Geely", "competitorModel": "Monjaro", "reportedBy": "wang.li"}
                """.formatted(leadId, n, at(n + 1, 18), kind, subtype);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> answer = Gateway.call(stack, "POST", "/api/defeats", key, body);
        while (answer.statusCode() == 404 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = Gateway.call(stack, "POST", "/api/defeats", key, body);
        }
        return JsonPath.read(check(answer, 201), "$.defeatId");
    }

    private static void callback(String key, String defeatId, int n, String outcome) throws Exception {
        String body = """
                {"occurredAt": "%s", "outcome": "%s", "actualReasons": ["SALES_EXPERIENCE"],
                 "ratings": {"reception": 4, "needsAnalysis": 2, "presentation": 3, "testDrive": 5, "negotiation": 2, "followUp": 1},
                 "by": "manager.zhao"}""".formatted(at(n + 2, 11), outcome);
        check(Gateway.call(stack, "POST", "/api/defeats/" + defeatId + "/callbacks", key, body), 200);
    }

    /** Analytics trails the writes; the pages are read once it counts every lead, deal and loss. */
    private static void awaitAnalytics() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            String structure = check(Gateway.call(stack, "GET", "/api/analytics/structure?" + range, hqKey, null), 200);
            String defeats = check(Gateway.call(stack, "GET", "/api/analytics/defeats?" + range, hqKey, null), 200);
            assertThat(List.<Number>of(JsonPath.read(structure, "$.captured"), JsonPath.read(structure, "$.won"),
                    JsonPath.read(structure, "$.defeated"), JsonPath.read(defeats, "$.reported"),
                    JsonPath.read(defeats, "$.reversed")))
                    .as("captured, won, defeated, losses reported, reversed: " + structure + " " + defeats)
                    .map(Number::intValue).containsExactly(19, 6, 2, 4, 1);
        });
    }

    private static long total(String path, String key) throws Exception {
        return ((Number) JsonPath.read(check(Gateway.call(stack, "GET", path, key, null), 200), "$.total")).longValue();
    }

    private static String check(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return answer.body();
    }

    /** Day {@code day} of the fixture month at {@code hour}:00 in the group's time zone. */
    private static String at(int day, int hour) {
        return "%s-%02dT%02d:00:00+08:00".formatted(month, day, hour);
    }
}
