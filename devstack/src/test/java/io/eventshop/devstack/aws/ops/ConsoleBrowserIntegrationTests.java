package io.eventshop.devstack.aws.ops;

import static io.eventshop.devstack.aws.ops.ConsoleTestbed.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.eventshop.devstack.aws.LocalAwsEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The console in a real browser: Debian's chromium, headless, driven by Selenium through Debian's chromedriver. The
 * endpoint is one of this class's own, so that the page shows only what the test makes, and the screenshots in
 * {@code target/console-screenshots/} show the same.
 *
 * <p>Selenium cannot download a browser here; these tests fail, saying how to install one, when there is none.
 */
class ConsoleBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private static LocalAwsEndpoint endpoint;
    private static ConsoleTestbed testbed;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add("chromium (" + CHROMIUM + ")");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add("chromium-driver (" + CHROMEDRIVER + ")");
        }
        if (!missing.isEmpty()) {
            fail("The console's browser tests need Debian's chromium and chromedriver, and "
                    + String.join(" and ", missing)
                    + " is missing. Install them with: sudo apt-get install -y chromium chromium-driver"
                    + " (or point -Dchromium.binary and -Dwebdriver.chrome.driver at a Chrome and its driver).");
        }
        Files.createDirectories(SCREENSHOTS);
        endpoint = LocalAwsEndpoint.start(0);
        testbed = new ConsoleTestbed(endpoint);
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000");
        var driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (testbed != null) {
            testbed.close();
        }
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @AfterEach
    void keepTheLastPage() throws IOException {
        screenshot("last");
    }

    @Test
    void showsAPoisonedMessageInItsDeadLetterQueueWithItsReasonAndRedrivesItFromThePage() throws Exception {
        var deadLetters = testbed.queue("payments-dlq", Map.of());
        var payments = testbed.queue("payments", deadLetters, 2, Map.of());
        var shipping = testbed.queue("shipping", Map.of());
        String orders = testbed.sns.createTopic(b -> b.name("orders")).topicArn();
        testbed.sns.subscribe(b -> b.topicArn(orders)
                .protocol("sqs")
                .endpoint(payments.arn())
                .attributes(Map.of("RawMessageDelivery", "true", "FilterPolicy", "{\"type\":[\"OrderPlaced\"]}")));
        testbed.sns.subscribe(b -> b.topicArn(orders).protocol("sqs").endpoint(shipping.arn()));
        String bus = testbed.events.createEventBus(b -> b.name("shop")).eventBusArn();
        testbed.events.putRule(b -> b.name("payments-taken")
                .eventBusName("shop")
                .eventPattern("{\"source\":[\"shop.payments\"],\"detail-type\":[\"PaymentTaken\"]}"));
        testbed.events.putTargets(
                b -> b.rule("payments-taken").eventBusName("shop").targets(t -> t.id("shipping")
                        .arn(shipping.arn())));
        testbed.events.createArchive(b -> b.archiveName("shop-events").eventSourceArn(bus));

        browser.get(endpoint.url() + "/_devstack/");
        awaitText(queueCell("payments", "visible"), "0");

        // Messages arrive, and the page follows the queue's depth.
        publish(orders, "OrderPlaced", "{\"orderId\":\"o-1\",\"total\":42.00}");
        publish(orders, "OrderPlaced", "{\"orderId\":\"o-2\",\"total\":17.50}");
        publish(orders, "OrderCancelled", "{\"orderId\":\"o-0\"}");
        publish(orders, "OrderPlaced", "{\"orderId\":\"o-3\",\"total\":99.90}");
        testbed.events.putEvents(b -> b.entries(e -> e.eventBusName("shop")
                .source("shop.payments")
                .detailType("PaymentTaken")
                .detail("{\"orderId\":\"o-1\"}")));
        awaitText(queueCell("payments", "visible"), "3");
        awaitText(queueCell("shipping", "visible"), "5");
        assertThat(shown(subscriptionCell("payments", "filteredOut"))).isEqualTo("1");
        awaitText(
                By.cssSelector("tr[data-testid='archive'][data-archive='shop-events'] [data-field='eventCount']"), "1");
        assertThat(shown(By.cssSelector("tr[data-testid='rule'][data-rule='payments-taken'] [data-testid='target']")))
                .isEqualTo("shipping: 1 delivered, 0 failed");
        screenshot("1-messages-arrive");

        // A consumer takes the three: it handles o-1, gives up on o-2 saying why, and fails on o-3 until SQS moves it.
        for (Message message : testbed.sqs
                .receiveMessage(
                        b -> b.queueUrl(payments.url()).maxNumberOfMessages(10).messageAttributeNames("All"))
                .messages()) {
            if (message.body().contains("o-2")) {
                var attributes = new java.util.HashMap<>(message.messageAttributes());
                attributes.put("eventshop.failure.reason", text("payment declined: the card has expired"));
                attributes.put("eventshop.failure.source-queue", text("payments"));
                testbed.sqs.sendMessage(b -> b.queueUrl(deadLetters.url())
                        .messageBody(message.body())
                        .messageAttributes(attributes));
            }
            if (message.body().contains("o-3")) {
                testbed.sqs.changeMessageVisibility(b -> b.queueUrl(payments.url())
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            } else {
                testbed.sqs.deleteMessage(b -> b.queueUrl(payments.url()).receiptHandle(message.receiptHandle()));
            }
        }
        testbed.receiveAndFail(payments);
        assertThat(testbed.receiveAndFail(payments))
                .as("moved to the DLQ on its third receive")
                .isEmpty();

        awaitText(queueCell("payments-dlq", "visible"), "2");
        awaitText(queueCell("payments", "visible"), "0");
        WebElement deadLetterQueue = deadLetterQueue("payments-dlq");
        List<WebElement> rows = deadLetterQueue.findElements(By.cssSelector("tr[data-testid='dead-letter']"));
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(row -> shown(row, "body")).anySatisfy(body -> assertThat(body)
                .contains("o-2"));
        assertThat(rows)
                .extracting(row -> shown(row, "reason"))
                .containsExactlyInAnyOrder(
                        "payment declined: the card has expired",
                        "received 2 times from payments without being deleted (its redrive policy's maxReceiveCount)");
        WebElement declined = rows.stream()
                .filter(row -> shown(row, "body").contains("o-2"))
                .findFirst()
                .orElseThrow();
        declined.findElement(By.tagName("summary")).click();
        assertThat(declined.findElement(By.tagName("dl")).getText()).contains("eventshop.failure.source-queue");
        screenshot("2-dead-lettered");
        fullPageScreenshot("devstack-console");

        WebElement redrive = deadLetterQueue.findElement(By.cssSelector("button[data-testid='redrive']"));
        assertThat(redrive.getText()).isEqualTo("Redrive 2 messages to payments");
        redrive.click();

        awaitText(By.id("redrive-result"), "Started moving the messages of payments-dlq to payments.");
        awaitText(queueCell("payments", "visible"), "2");
        awaitText(queueCell("payments-dlq", "visible"), "0");
        new WebDriverWait(browser, PATIENCE)
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[data-queue='payments-dlq'] [data-testid='move-task']"),
                        "COMPLETED, 2 messages moved to payments"));
        screenshot("3-redriven");

        // The consumer handles them this time, and the queue empties on the page.
        List<Message> handled = testbed.consumeAll(payments);
        assertThat(handled)
                .extracting(Message::body)
                .containsExactlyInAnyOrder(
                        "{\"orderId\":\"o-2\",\"total\":17.50}", "{\"orderId\":\"o-3\",\"total\":99.90}");
        awaitText(queueCell("payments", "visible"), "0");
        awaitText(queueCell("payments", "inFlight"), "0");
        awaitText(queueCell("payments", "oldestAge"), "–");
        screenshot("4-handled");
        assertThat(testbed.sqs
                        .getQueueAttributes(b -> b.queueUrl(payments.url())
                                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        .attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
    }

    private void publish(String topicArn, String type, String body) {
        testbed.sns.publish(b -> b.topicArn(topicArn)
                .message(body)
                .messageAttributes(Map.of(
                        "type",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue(type)
                                .build())));
    }

    private static By queueCell(String queue, String field) {
        return By.cssSelector("tr[data-testid='queue'][data-queue='" + queue + "'] [data-field='" + field + "']");
    }

    private static By subscriptionCell(String queue, String field) {
        return By.cssSelector(
                "tr[data-testid='subscription'][data-queue='" + queue + "'] [data-field='" + field + "']");
    }

    private static WebElement deadLetterQueue(String name) {
        return browser.findElement(
                By.cssSelector("article[data-testid='dead-letter-queue'][data-queue='" + name + "']"));
    }

    private static String shown(By locator) {
        return browser.findElement(locator).getText();
    }

    private static String shown(WebElement row, String field) {
        return row.findElement(By.cssSelector("[data-field='" + field + "']")).getText();
    }

    /** Waits, within a bound, until the element shows exactly this text; the page redraws every 1.5 seconds. */
    private static void awaitText(By locator, String expected) {
        new WebDriverWait(browser, PATIENCE).until(ExpectedConditions.textToBe(locator, expected));
    }

    private static void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page at the window's width, for the README. */
    private static void fullPageScreenshot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) height + 20));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(window);
        }
    }
}
