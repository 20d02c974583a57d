package dev.refunds.bootstrap.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refunds.bootstrap.support.Api;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** One browser tab on the console, driven the way an operator would: by the page's data-testid elements. */
final class ConsolePage {
    private static final Duration WAIT_MAX = Duration.ofSeconds(20);

    private final Chromium browser;
    private final String session;

    ConsolePage(Chromium browser, String session) {
        this.browser = browser;
        this.session = session;
    }

    void navigate(URI url) {
        browser.send(session, "Page.navigate", Map.of("url", url.toString()));
        waitUntil("document.readyState === 'complete'");
    }

    /** Evaluates {@code expression} in the page and returns its value as JSON. */
    JsonNode eval(String expression) {
        JsonNode result = browser.send(session, "Runtime.evaluate", Map.of("expression", expression,
                "awaitPromise", true, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    private static String find(String testId) {
        return "document.querySelector(" + quoted("[data-testid=\"" + testId + "\"]") + ")";
    }

    private static String quoted(String text) {
        return Api.JSON.valueToTree(text).toString();
    }

    void waitUntil(String condition) {
        long deadline = System.nanoTime() + WAIT_MAX.toNanos();
        while (!eval("Boolean(" + condition + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page never showed " + condition + "; it shows: "
                        + eval("document.body.innerText").asText());
            }
            sleep();
        }
    }

    void waitFor(String testId) {
        waitUntil(find(testId) + " !== null");
    }

    boolean exists(String testId) {
        return eval(find(testId) + " !== null").asBoolean();
    }

    String text(String testId) {
        waitFor(testId);
        return eval(find(testId) + ".textContent").asText();
    }

    void waitForText(String testId, String wanted) {
        waitFor(testId);
        waitUntil(find(testId) + ".textContent === " + quoted(wanted));
    }

    void type(String testId, String value) {
        waitFor(testId);
        eval("(() => { const field = " + find(testId) + "; field.focus();"
                + " field.value = " + quoted(value) + "; field.dispatchEvent(new Event('input', {bubbles: true})); })()");
    }

    void click(String testId) {
        waitFor(testId);
        eval(find(testId) + ".click()");
    }

    void screenshot(Path file) throws IOException {
        String png = browser.send(session, "Page.captureScreenshot", Map.of("format", "png")).path("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
