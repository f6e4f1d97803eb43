package io.greenpack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a local HTML file in headless Chromium the way a reader would (from disk), and reports
 * what happened: a screenshot, the DOM after parsing, console errors, and every request the page
 * made for anything other than itself.
 *
 * <p>Three short browser runs, each with a fresh profile:
 * <ol>
 * <li>{@code --screenshot=<png> --window-size=1400,2000} — the picture;</li>
 * <li>{@code --dump-dom} — the DOM as the browser built it (this is where markup smuggled in
 *     through a host name would show up as an element);</li>
 * <li>a DevTools-protocol session ({@code --remote-debugging-port=0}, spoken over the JDK's own
 *     {@link java.net.http.WebSocket}) with the Network, Runtime, Log and Page domains on:
 *     {@code Network.requestWillBeSent} for the page gives its requests (the browser's own
 *     background traffic, e.g. component updates, is not the page's and is not counted),
 *     {@code Runtime.consoleAPICalled} (error/warning/assert), {@code Runtime.exceptionThrown}
 *     and {@code Log.entryAdded} (error/warning, which includes Content-Security-Policy
 *     violations) give the console errors.</li>
 * </ol>
 * If the DevTools session cannot be set up, {@link PageLoad#monitored()} is false and
 * {@link PageLoad#monitorProblem()} says why; callers then fall back to static checks of the HTML.
 *
 * <p>Tests using it are skipped when no Chromium is installed; {@code apt-get install chromium}
 * enables them.
 */
public final class Chromium {
    private Chromium() {
    }

    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-headless-shell", "/usr/lib/chromium/chromium-headless-shell");
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one page load produced. */
    public record PageLoad(Path screenshot, String dom, List<String> consoleErrors, List<String> requests,
                           boolean monitored, String monitorProblem) {
    }

    /** The Chromium binary, if installed. {@code CHROMIUM=/path} picks one; {@code CHROMIUM=none} acts as absent. */
    public static Optional<Path> find() {
        String override = System.getenv("CHROMIUM");
        if ("none".equals(override)) {
            return Optional.empty();
        }
        Stream<String> names = override == null || override.isBlank()
                ? CANDIDATES.stream() : Stream.concat(Stream.of(override), CANDIDATES.stream());
        return names.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** The binary, or skips the calling test (JUnit assumption) with a message saying how to get it. */
    public static Path findOrSkip() {
        Optional<Path> bin = find();
        Assumptions.assumeTrue(bin.isPresent(),
                "headless Chromium not found (" + String.join(", ", CANDIDATES)
                        + "); 'apt-get install chromium' enables this test");
        return bin.get();
    }

    /** Loads {@code html} from disk; writes the screenshot and browser logs into {@code workDir}. */
    public static PageLoad load(Path html, Path workDir) throws IOException, InterruptedException {
        Path bin = findOrSkip();
        Files.createDirectories(workDir);
        String url = html.toAbsolutePath().toUri().toString();

        Path png = workDir.resolve("screenshot.png");
        run(bin, workDir, "screenshot", List.of("--screenshot=" + png, "--window-size=1400,2000", url));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("Chromium wrote no screenshot; see " + workDir.resolve("screenshot.stderr"));
        }
        String dom = run(bin, workDir, "dom", List.of("--dump-dom", url));

        Monitor monitor = new Monitor();
        String problem = "";
        try {
            monitor.watch(bin, workDir, url);
        } catch (Exception e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage() + " (browser log: "
                    + workDir.resolve("cdp.stderr") + ")";
        }
        return new PageLoad(png, dom, List.copyOf(monitor.consoleErrors), List.copyOf(monitor.requests),
                problem.isEmpty(), problem);
    }

    /**
     * What to measure in a page after it loads: the viewport, the CSS media ("screen" or "print"),
     * JavaScript expressions evaluated in the page (through DevTools, which the page's
     * Content-Security-Policy does not block), and optionally a PDF printed on A4.
     */
    public record Probe(int width, int height, String media, List<String> expressions, Path pdf) {
        public Probe {
            expressions = List.copyOf(expressions);
        }
    }

    /** What a probe found: each expression's value as JSON, in order, and the console errors. */
    public record ProbeResult(List<JsonNode> values, List<String> consoleErrors, List<String> requests) {
    }

    /** Loads {@code html} from disk with the probe's viewport and media, and evaluates its expressions. */
    public static ProbeResult probe(Path html, Path workDir, Probe probe) throws Exception {
        Path bin = findOrSkip();
        Files.createDirectories(workDir);
        Monitor monitor = new Monitor();
        monitor.probe = probe;
        monitor.watch(bin, workDir, html.toAbsolutePath().toUri().toString());
        return new ProbeResult(List.copyOf(monitor.values), List.copyOf(monitor.consoleErrors), List.copyOf(monitor.requests));
    }

    /** The flags of every run: no GPU, no sandbox (containers), no first-run or background traffic. */
    static List<String> baseFlags(Path profile) {
        return List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile);
    }

    /** Runs Chromium once and returns its stdout; stderr goes to {@code <name>.stderr}. */
    private static String run(Path bin, Path workDir, String name, List<String> args)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "profile-" + name + "-");
        List<String> cmd = new ArrayList<>();
        cmd.add(bin.toString());
        cmd.addAll(baseFlags(profile));
        cmd.addAll(args);
        Path out = workDir.resolve(name + ".stdout");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(workDir.resolve(name + ".stderr").toFile())
                .start();
        try {
            if (!p.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("Chromium " + name + " run did not finish in " + RUN_TIMEOUT);
            }
        } finally {
            stop(p);
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** One DevTools-protocol session: open a tab, watch it load the page, collect what it did. */
    private static final class Monitor implements WebSocket.Listener {
        final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
        final List<String> requests = Collections.synchronizedList(new ArrayList<>());
        final List<JsonNode> values = new ArrayList<>();
        Probe probe;
        private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();
        private final CountDownLatch loaded = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        private volatile String sessionId;
        private volatile String pageUrl;
        private WebSocket socket;

        void watch(Path bin, Path workDir, String url) throws Exception {
            pageUrl = url;
            Path profile = Files.createTempDirectory(workDir, "profile-cdp-");
            List<String> cmd = new ArrayList<>();
            cmd.add(bin.toString());
            cmd.addAll(baseFlags(profile));
            cmd.addAll(List.of("--remote-debugging-port=0", "about:blank"));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                String wsUrl = devToolsUrl(p, workDir.resolve("cdp.stderr"));
                socket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create(wsUrl), this).get(10, TimeUnit.SECONDS);
                String targetId = call("Target.createTarget", obj().put("url", "about:blank"), null)
                        .get("targetId").asText();
                sessionId = call("Target.attachToTarget", obj().put("targetId", targetId).put("flatten", true), null)
                        .get("sessionId").asText();
                for (String domain : List.of("Page", "Network", "Runtime", "Log")) {
                    call(domain + ".enable", obj(), sessionId);
                }
                if (probe != null) {
                    call("Emulation.setDeviceMetricsOverride", obj().put("width", probe.width()).put("height", probe.height())
                            .put("deviceScaleFactor", 1).put("mobile", false), sessionId);
                    call("Emulation.setEmulatedMedia", obj().put("media", probe.media()), sessionId);
                }
                call("Page.navigate", obj().put("url", url), sessionId);
                if (!loaded.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("page did not fire its load event within 30 s");
                }
                Thread.sleep(500); // late requests (lazy images, timers) still get recorded
                if (probe != null) {
                    runProbe();
                }
                try {
                    call("Browser.close", obj(), null);
                } catch (Exception ignored) {
                    // the browser may close the socket before answering
                }
            } finally {
                if (socket != null) {
                    socket.abort();
                }
                p.waitFor(5, TimeUnit.SECONDS);
                stop(p);
            }
        }

        private void runProbe() throws Exception {
            for (String e : probe.expressions()) {
                JsonNode r = call("Runtime.evaluate", obj().put("expression", e).put("returnByValue", true), sessionId);
                if (r.has("exceptionDetails")) {
                    throw new IllegalStateException("expression failed: " + e + ": " + r.get("exceptionDetails"));
                }
                values.add(r.path("result").path("value"));
            }
            if (probe.pdf() != null) {
                // A4 in inches; the page's own @page margins apply.
                JsonNode pdf = call("Page.printToPDF", obj().put("paperWidth", 8.27).put("paperHeight", 11.69)
                        .put("preferCSSPageSize", true), sessionId);
                Files.write(probe.pdf(), java.util.Base64.getDecoder().decode(pdf.get("data").asText()));
            }
        }

        /** Reads stderr until Chromium prints its DevTools address; keeps draining it into a file. */
        private static String devToolsUrl(Process p, Path log) throws Exception {
            CompletableFuture<String> found = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
                     var w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                    for (String line; (line = r.readLine()) != null; ) {
                        w.write(line);
                        w.newLine();
                        Matcher m = DEVTOOLS.matcher(line);
                        if (m.find()) {
                            found.complete(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    found.completeExceptionally(e);
                } finally {
                    found.completeExceptionally(new IllegalStateException("Chromium exited without a DevTools address"));
                }
            }, "chromium-stderr");
            reader.setDaemon(true);
            reader.start();
            return found.get(30, TimeUnit.SECONDS);
        }

        private static ObjectNode obj() {
            return JSON.createObjectNode();
        }

        private JsonNode call(String method, ObjectNode params, String session) throws Exception {
            int id = ids.incrementAndGet();
            ObjectNode msg = obj().put("id", id).put("method", method);
            msg.set("params", params);
            if (session != null) {
                msg.put("sessionId", session);
            }
            CompletableFuture<JsonNode> reply = new CompletableFuture<>();
            pending.put(id, reply);
            socket.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
            JsonNode answer = reply.get(60, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(JSON.readTree(text));
                } catch (IOException e) {
                    consoleErrors.add("(unreadable DevTools message: " + e.getMessage() + ")");
                }
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonNode msg) {
            if (msg.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                if (f != null) {
                    f.complete(msg);
                }
                return;
            }
            if (sessionId == null || !sessionId.equals(msg.path("sessionId").asText())) {
                return; // browser-level events, not the page's
            }
            JsonNode p = msg.path("params");
            switch (msg.path("method").asText()) {
                case "Page.loadEventFired" -> loaded.countDown();
                case "Network.requestWillBeSent" -> {
                    String u = p.path("request").path("url").asText();
                    // the page itself and its own inline data: images are not requests leaving the file
                    if (!u.equals(pageUrl) && !u.startsWith("data:") && !u.equals("about:blank")) {
                        requests.add(u);
                    }
                }
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        List<String> args = new ArrayList<>();
                        p.path("args").forEach(a -> args.add(a.has("value") ? a.get("value").asText() : a.path("description").asText()));
                        consoleErrors.add("console." + type + ": " + String.join(" ", args));
                    }
                }
                case "Runtime.exceptionThrown" -> consoleErrors.add("exception: "
                        + p.path("exceptionDetails").path("text").asText() + " "
                        + p.path("exceptionDetails").path("exception").path("description").asText());
                case "Log.entryAdded" -> {
                    JsonNode e = p.path("entry");
                    String level = e.path("level").asText();
                    if (level.equals("error") || level.equals("warning")) {
                        consoleErrors.add(e.path("source").asText() + " " + level + ": " + e.path("text").asText()
                                + (e.has("url") ? " (" + e.get("url").asText() + ")" : ""));
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("DevTools socket closed")));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }
}
