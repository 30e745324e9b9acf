package dev.e911.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP/1.1 server on {@code 127.0.0.1} and an ephemeral port that answers like a remote
 * API, for testing adapters without mocking their HTTP code: scripted {@linkplain StubRoute
 * routes} answer with {@linkplain StubResponse responses} that may be errors, 429s with
 * {@code Retry-After}, slow headers, dripping bodies, dropped connections or truncated bodies;
 * every request is recorded for assertions; a request no route matches gets a 404 whose body
 * names it and the routes there are. Built on the JDK's {@code com.sun.net.httpserver} with a
 * fixed pool of handler threads, so it needs no dependency. Use one per test (or
 * {@link #reset()} between tests) and close it:
 *
 * <pre>{@code
 * try (StubHttpServer server = StubHttpServer.start()) {
 *     server.on("GET", "/v1/things")
 *           .respond(StubResponse.tooManyRequests("1"), StubResponse.okJson("[]"));
 *     // ... call server.baseUri().resolve("/v1/things") ...
 *     assertThat(server.requests("GET", "/v1/things")).hasSize(2);
 * }
 * }</pre>
 */
public final class StubHttpServer implements AutoCloseable {

    /** Handler threads of {@link #start()}: enough for concurrent slow responses in one test. */
    public static final int DEFAULT_THREADS = 8;

    private static final AtomicInteger SERVER_IDS = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final List<StubRoute> routes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> unmatched = new CopyOnWriteArrayList<>();

    private StubHttpServer(int threads) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        int id = SERVER_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "stub-http-" + id + "-" + threadIds.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Starts a server with {@link #DEFAULT_THREADS} handler threads. */
    public static StubHttpServer start() {
        return start(DEFAULT_THREADS);
    }

    /**
     * Starts a server with this many handler threads (each slow or delayed response holds one).
     *
     * @throws UncheckedIOException if no loopback port can be bound
     */
    public static StubHttpServer start(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        try {
            return new StubHttpServer(threads);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The URI of {@code pathAndQuery} (e.g. {@code /v1/x?page=2}) on this server. */
    public URI uri(String pathAndQuery) {
        return baseUri.resolve(pathAndQuery);
    }

    /** The bound port. */
    public int port() {
        return baseUri.getPort();
    }

    /**
     * A new route for this method and exact raw path; it is live once
     * {@link StubRoute#respond} is called. When several live routes match a request, the one
     * made live last wins, so a test can override a route set up in a shared fixture.
     */
    public StubRoute on(String method, String path) {
        return new StubRoute(method, path, route -> routes.add(0, route));
    }

    /** Every request received, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received with this method and exact raw path, in arrival order. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().equals(path))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The requests no route matched (each answered 404); assert it is empty to catch typos. */
    public List<RecordedRequest> unmatchedRequests() {
        return List.copyOf(unmatched);
    }

    /** How many requests were received. */
    public int requestCount() {
        return requests.size();
    }

    /** Forgets every route and every recorded request. */
    public void reset() {
        routes.clear();
        requests.clear();
        unmatched.clear();
    }

    /** Stops listening, drops open connections and interrupts responses still being delayed. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "StubHttpServer[" + baseUri + ", routes=" + routes + "]";
    }

    /** Thrown inside a handler to make the JDK server drop the connection without finishing the response. */
    private static final class DropConnection extends IOException {
        private static final long serialVersionUID = 1L;

        DropConnection() {
            super("connection dropped on purpose by the stub script");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(),
                    Objects.requireNonNullElse(uri.getRawPath(), "/"), Objects.requireNonNullElse(uri.getRawQuery(), ""),
                    exchange.getRequestHeaders(), body);
            requests.add(request);
            StubRoute route = routes.stream().filter(r -> r.matches(request)).findFirst().orElse(null);
            StubResponse response;
            if (route == null) {
                unmatched.add(request);
                response = StubResponse.text(404, "no stub route matches " + request.target() + "; routes: "
                        + (routes.isEmpty() ? "(none)" : routes.stream().map(StubRoute::toString).collect(Collectors.joining(", "))));
            } else {
                response = route.answer(request);
            }
            serve(exchange, response);
        } catch (DropConnection e) {
            dropped = true;
            throw e;
        } catch (InterruptedException e) {
            // the server is closing
            dropped = true;
            Thread.currentThread().interrupt();
            throw new DropConnection();
        } catch (IOException e) {
            // the client went away (e.g. it timed out); nothing left to answer
        } finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private static void serve(HttpExchange exchange, StubResponse response) throws IOException, InterruptedException {
        sleep(response.headerDelay());
        if (response.ending() == StubResponse.Ending.DROP_BEFORE_HEADERS) {
            throw new DropConnection();
        }
        response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
        byte[] body = response.bodyUnsafe();
        int toSend;
        long declaredLength;
        switch (response.ending()) {
            case DROP_MID_BODY:
                toSend = Math.min(response.endingAfterBytes(), body.length);
                declaredLength = 0; // chunked
                break;
            case TRUNCATE:
                toSend = response.endingAfterBytes();
                declaredLength = body.length;
                break;
            default:
                toSend = body.length;
                if (body.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())) {
                    declaredLength = -1; // no body
                } else {
                    declaredLength = response.isChunked() ? 0 : body.length;
                }
        }
        exchange.sendResponseHeaders(response.statusCode(), declaredLength);
        OutputStream out = exchange.getResponseBody();
        int chunk = response.dripBytes() > 0 ? response.dripBytes() : Math.max(toSend, 1);
        for (int offset = 0; offset < toSend; offset += chunk) {
            if (response.dripBytes() > 0) {
                sleep(response.dripInterval());
            }
            out.write(body, offset, Math.min(chunk, toSend - offset));
            out.flush();
        }
        if (response.ending() != StubResponse.Ending.COMPLETE) {
            throw new DropConnection();
        }
        out.close();
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            TimeUnit.NANOSECONDS.sleep(d.toNanos());
        }
    }
}
