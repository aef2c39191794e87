package dev.stance.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The labelling web app on the JDK's HTTP server ({@code com.sun.net.httpserver}).
 *
 * <p>Routes: {@code GET /} (the page), {@code GET /app.js}, {@code GET /app.css} (its script and style, from
 * the class path: no external resources), {@code GET /api/state} (progress, per-label counts and the current
 * item, {@link LabelSession#state()}), {@code POST /api/answer} ({@code {"id","action","stance","openness"}})
 * and {@code POST /api/undo}; both POSTs answer with the new state, or 400 and {@code {"error"}}.
 *
 * <p>Only this machine's browser may talk to it: the server binds to 127.0.0.1 unless told otherwise; every
 * request must name this server in {@code Host} (so a page on another site cannot reach it through DNS
 * rebinding); a POST must carry an {@code Origin} of this server and a JSON content type (so no cross-site form
 * or script can write; a cross-origin JSON fetch needs a preflight, which is refused too). Refused requests get
 * 403 and are counted ({@link #refused()}). Pages are served with a Content-Security-Policy that allows only
 * this server's own script, style and API. The page writes all text with {@code textContent}, never as markup.
 */
public final class LabelServer implements AutoCloseable {
    private static final int MAX_BODY = 64 * 1024;
    private static final Map<String, String> STATIC = Map.of(
            "/", "label.html", "/app.js", "label.js", "/app.css", "label.css");
    private static final Map<String, String> TYPES = Map.of(
            "label.html", "text/html; charset=utf-8", "label.js", "text/javascript; charset=utf-8",
            "label.css", "text/css; charset=utf-8");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final HttpServer server;
    private final LabelSession session;
    private final AtomicInteger refused = new AtomicInteger();
    private Set<String> hosts;

    private LabelServer(HttpServer server, LabelSession session) {
        this.server = server;
        this.session = session;
    }

    /**
     * Starts serving {@code session} on {@code bind}:{@code port} ({@code port} 0 picks a free one).
     *
     * @param bind the address to listen on; 127.0.0.1 unless the analyst chose otherwise
     */
    public static LabelServer start(LabelSession session, String bind, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(bind), port), 0);
        LabelServer s = new LabelServer(http, session);
        int actual = http.getAddress().getPort();
        Set<String> hosts = new java.util.HashSet<>(Set.of("127.0.0.1:" + actual, "localhost:" + actual, "[::1]:" + actual));
        hosts.add((bind.contains(":") ? "[" + bind + "]" : bind).toLowerCase(Locale.ROOT) + ":" + actual);
        s.hosts = Set.copyOf(hosts);
        http.createContext("/", s::handle);
        http.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "label-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** How many requests were refused for their Host, Origin or content type. */
    public int refused() {
        return refused.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            String host = ex.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                refuse(ex, "unknown Host");
                return;
            }
            if (method.equals("GET") && STATIC.containsKey(path)) {
                serveStatic(ex, STATIC.get(path));
            } else if (method.equals("GET") && path.equals("/api/state")) {
                send(ex, 200, session.state());
            } else if (method.equals("POST") && (path.equals("/api/answer") || path.equals("/api/undo"))) {
                String origin = ex.getRequestHeaders().getFirst("Origin");
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                if (origin == null || !origin.startsWith("http://") || !hosts.contains(origin.substring(7).toLowerCase(Locale.ROOT))) {
                    refuse(ex, "foreign or missing Origin");
                    return;
                }
                if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    refuse(ex, "content type must be application/json");
                    return;
                }
                post(ex, path);
            } else if (method.equals("OPTIONS")) {
                refuse(ex, "no cross-origin requests"); // a CORS preflight: never granted
            } else {
                sendError(ex, STATIC.containsKey(path) || path.startsWith("/api/") ? 405 : 404, "no such resource");
            }
        } catch (RuntimeException e) {
            sendError(ex, 500, "internal error: " + e);
        }
    }

    private void post(HttpExchange ex, String path) throws IOException {
        JsonNode body;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                sendError(ex, 413, "request too large");
                return;
            }
            body = bytes.length == 0 ? QueueFile.JSON.createObjectNode() : QueueFile.JSON.readTree(bytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            sendError(ex, 400, "request is not valid JSON");
            return;
        }
        if (body == null || !body.isObject()) {
            sendError(ex, 400, "request must be a JSON object");
            return;
        }
        try {
            if (path.equals("/api/undo")) {
                if (!session.undo()) {
                    sendError(ex, 400, "nothing to undo");
                    return;
                }
            } else {
                session.answer(field(body, "id"), field(body, "action"), field(body, "stance"), field(body, "openness"));
            }
        } catch (IllegalArgumentException e) {
            sendError(ex, 400, e.getMessage());
            return;
        }
        send(ex, 200, session.state());
    }

    private static String field(JsonNode body, String name) {
        JsonNode v = body.get(name);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw new IllegalArgumentException("'" + name + "' must be a string");
        }
        return v == null || v.isNull() ? null : v.asText();
    }

    private void refuse(HttpExchange ex, String why) throws IOException {
        refused.incrementAndGet();
        sendError(ex, 403, "refused: " + why);
    }

    private static void serveStatic(HttpExchange ex, String resource) throws IOException {
        byte[] bytes;
        try (InputStream in = LabelServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            bytes = in.readAllBytes();
        }
        headers(ex, TYPES.get(resource));
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendError(HttpExchange ex, int status, String message) throws IOException {
        ObjectNode o = QueueFile.JSON.createObjectNode();
        o.put("error", message);
        send(ex, status, o);
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = QueueFile.JSON.writeValueAsBytes(body);
        headers(ex, "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void headers(HttpExchange ex, String type) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "DENY");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Cache-Control", "no-store");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
