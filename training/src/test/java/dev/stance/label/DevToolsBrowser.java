package dev.stance.label;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven over the Chrome DevTools Protocol, through the JDK's own WebSocket client: the test
 * navigates, presses real keys ({@code Input.dispatchKeyEvent} goes through the browser's input pipeline, so
 * the page's keydown handlers run as for a person) and reads the page with {@code Runtime.evaluate}.
 *
 * <p>The browser is found as the report render test finds it: {@code STANCE_CHROMIUM}, else {@code chromium},
 * {@code chromium-browser} or {@code google-chrome} on the PATH; without one the test is skipped, unless
 * {@code CI} or {@code STANCE_REQUIRE_CHROMIUM} is set, where it fails.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_S = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String session;

    private DevToolsBrowser(Process process, URI endpoint) {
        this.process = process;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(endpoint, new Listener()).join();
    }

    /** Starts a browser with a throwaway profile under {@code work} and opens one blank page. */
    static DevToolsBrowser launch(Path work) throws Exception {
        Path exe = findOrSkip();
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        Path log = Files.createTempFile(work, "chromium", ".log");
        Process p = new ProcessBuilder(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run",
                "--remote-debugging-port=0", "--user-data-dir=" + profile.toAbsolutePath(), "about:blank")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // the browser writes its port and endpoint path to this file once it listens
        Path active = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!(Files.exists(active) && Files.readAllLines(active).size() >= 2)) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroyForcibly();
                fail("chromium did not open its DevTools port: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        List<String> lines = Files.readAllLines(active);
        DevToolsBrowser b = new DevToolsBrowser(p, URI.create("ws://127.0.0.1:" + lines.get(0).strip() + lines.get(1).strip()));
        ObjectNode create = JSON.createObjectNode().put("url", "about:blank");
        String target = b.send(null, "Target.createTarget", create).get("targetId").asText();
        b.session = b.send(null, "Target.attachToTarget",
                JSON.createObjectNode().put("targetId", target).put("flatten", true)).get("sessionId").asText();
        b.send("Page.enable", JSON.createObjectNode());
        return b;
    }

    private static Path findOrSkip() {
        String explicit = System.getenv("STANCE_CHROMIUM");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String path = System.getenv("PATH");
        for (String name : NAMES) {
            for (String d : path == null ? new String[0] : path.split(File.pathSeparator)) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        String msg = "no headless browser (" + String.join(", ", NAMES) + " on PATH, or STANCE_CHROMIUM)";
        String ci = System.getenv("CI");
        String req = System.getenv("STANCE_REQUIRE_CHROMIUM");
        if ((ci != null && !ci.isBlank()) || (req != null && !req.isBlank())) {
            fail(msg);
        }
        Assumptions.abort(msg);
        return null;
    }

    /** Loads {@code url} and waits until the document has loaded. */
    void navigate(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
        waitFor(() -> "complete".equals(evaluate("document.readyState")), "page load of " + url);
    }

    /** The value of a JavaScript expression (promises awaited), as JSON text for objects. */
    String evaluate(String expression) {
        try {
            JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                    .put("returnByValue", true).put("awaitPromise", true));
            if (r.has("exceptionDetails")) {
                fail("page threw: " + r.get("exceptionDetails"));
            }
            JsonNode v = r.path("result").path("value");
            return v.isMissingNode() || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presses and releases one key: a printable character, or "Enter". */
    void press(String key) throws Exception {
        ObjectNode down = JSON.createObjectNode().put("type", "keyDown").put("key", key);
        if (key.equals("Enter")) {
            down.put("code", "Enter").put("windowsVirtualKeyCode", 13).put("text", "\r");
        } else {
            char c = key.charAt(0);
            down.put("text", key).put("windowsVirtualKeyCode", (int) Character.toUpperCase(c))
                    .put("code", Character.isDigit(c) ? "Digit" + c : "Key" + Character.toUpperCase(c));
        }
        send("Input.dispatchKeyEvent", down);
        ObjectNode up = down.deepCopy().put("type", "keyUp");
        up.remove("text");
        send("Input.dispatchKeyEvent", up);
    }

    /** Polls {@code condition} every 50 ms for up to 30 s. */
    void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (!Boolean.TRUE.equals(condition.get())) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    private JsonNode send(String method, ObjectNode params) throws Exception {
        return send(session, method, params);
    }

    private JsonNode send(String sessionId, String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(msg.toString(), true).join();
        }
        JsonNode r = reply.get(TIMEOUT_S, TimeUnit.SECONDS);
        if (r.has("error")) {
            fail(method + " failed: " + r.get("error"));
        }
        return r.path("result");
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser is killed below either way
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Collects message fragments and completes the reply waiting for each id; events are ignored. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode msg = JSON.readTree(text.toString());
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    }
                } catch (IOException e) {
                    // not JSON: not a protocol message
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
