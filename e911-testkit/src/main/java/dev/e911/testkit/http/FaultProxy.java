package dev.e911.testkit.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-injecting HTTP/1.1 proxy on {@code 127.0.0.1} in front of a loopback fake (a
 * {@link StubHttpServer} or anything else): every request is read off a raw socket, shown to a
 * {@link Schedule} that picks a {@link ProxyFault}, and then passed through, answered by the proxy
 * itself, or forwarded and its answer spoiled — reset connections before or after the upstream
 * applied the request, truncated or corrupted bodies, slow drips, gateway 5xx over an applied write.
 * Each connection carries one exchange ({@code Connection: close}). Every exchange is recorded with
 * the fault it met, so a test can count what was injected and what reached the upstream:
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(fake.baseUri(), request ->
 *         request.method().equals("POST") ? new ProxyFault.ResetAfter() : new ProxyFault.Pass())) {
 *     // point the adapter at proxy.baseUri(), run it, then compare with the fake's state
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    /** Picks the fault for each request; called on the proxy's threads, so it must be thread-safe. */
    @FunctionalInterface
    public interface Schedule {
        /** The fault {@code request} meets. */
        ProxyFault choose(Request request);
    }

    /** A request as the proxy read it; {@code headers} are keyed by lower-case name. */
    public record Request(int sequence, String method, String path, String query, Map<String, String> headers,
            byte[] body) {
        public Request {
            headers = Collections.unmodifiableMap(new TreeMap<>(headers));
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        /** The body as UTF-8 text. */
        public String bodyUtf8() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** A header by case-insensitive name, or the empty string. */
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** One exchange through the proxy: the request line and the fault it met. */
    public record Exchange(int sequence, String method, String path, String fault, boolean applied) {}

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "http2-settings", "te", "transfer-encoding", "keep-alive", "proxy-connection", "trailer");
    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_BODY = 16 * 1024 * 1024;
    private static final AtomicInteger PROXY_IDS = new AtomicInteger();

    private final ServerSocket server;
    private final URI upstream;
    private final Schedule schedule;
    private final HttpClient client;
    private final ExecutorService workers;
    private final Thread acceptor;
    private final URI baseUri;
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private FaultProxy(URI upstream, Schedule schedule) throws IOException {
        this.upstream = upstream;
        this.schedule = schedule;
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(loopback, 0), 64);
        this.baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort());
        int id = PROXY_IDS.incrementAndGet();
        AtomicInteger threadIds = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fault-proxy-" + id + "-" + threadIds.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).executor(workers).build();
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-" + id + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy in front of {@code upstream} (scheme, host and port; any path is kept as a prefix). */
    public static FaultProxy start(URI upstream, Schedule schedule) {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(schedule, "schedule");
        try {
            return new FaultProxy(upstream, schedule);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the proxy's loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** {@link #baseUri()} with {@code path} appended. */
    public URI uri(String path) {
        return URI.create(baseUri + (path.startsWith("/") ? path : "/" + path));
    }

    /** Every exchange so far, in the order the requests were read. */
    public List<Exchange> exchanges() {
        List<Exchange> copy = new ArrayList<>(exchanges);
        copy.sort((a, b) -> Integer.compare(a.sequence(), b.sequence()));
        return copy;
    }

    /** How many exchanges met each fault, by {@link ProxyFault#name()} ({@code pass} included). */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        for (Exchange e : exchanges) {
            out.merge(e.fault(), 1, Integer::sum);
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            closeQuietly(s);
        }
        workers.shutdownNow();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            open.add(s);
            try {
                workers.execute(() -> serve(s));
            } catch (RuntimeException e) {
                closeQuietly(s);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Request request = read(in);
            if (request == null) {
                return;
            }
            ProxyFault fault;
            try {
                fault = Objects.requireNonNull(schedule.choose(request), "the schedule chose null");
            } catch (RuntimeException e) {
                fault = new ProxyFault.Answer(500, Map.of("Content-Type", "text/plain"),
                        "fault proxy schedule failed: " + e.getClass().getName());
            }
            exchanges.add(new Exchange(request.sequence(), request.method(), request.path(), fault.name(), fault.applied()));
            OutputStream out = socket.getOutputStream();
            if (fault instanceof ProxyFault.Answer a) {
                write(out, a.status(), a.headers(), a.body().getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (fault instanceof ProxyFault.ResetBefore) {
                reset(socket);
                return;
            }
            if (fault instanceof ProxyFault.BeforeForward b) {
                b.action().run();
            }
            HttpResponse<byte[]> answer = forward(request);
            Map<String, String> headers = new LinkedHashMap<>();
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":") && !values.isEmpty()) {
                    headers.put(name, values.get(0));
                }
            });
            byte[] body = answer.body();
            if (fault instanceof ProxyFault.ApplyThenAnswer a) {
                write(out, a.status(), Map.of("Content-Type", a.contentType()), a.body().getBytes(StandardCharsets.UTF_8));
            } else if (fault instanceof ProxyFault.ResetAfter) {
                reset(socket);
            } else if (fault instanceof ProxyFault.Truncate) {
                int declared = Math.max(body.length, 16);
                out.write(head(answer.statusCode(), headers, declared));
                out.write(body, 0, body.length / 2);
                out.flush();
            } else if (fault instanceof ProxyFault.Corrupt) {
                write(out, answer.statusCode(), headers, corrupt(body));
            } else if (fault instanceof ProxyFault.Drip d) {
                byte[] all = concat(head(answer.statusCode(), headers, body.length), body);
                for (int i = 0; i < all.length; i += d.chunkBytes()) {
                    out.write(all, i, Math.min(d.chunkBytes(), all.length - i));
                    out.flush();
                    Thread.sleep(d.pause().toMillis());
                }
            } else {
                write(out, answer.statusCode(), headers, body);
            }
        } catch (IOException e) {
            // the client went away (often on purpose): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(socket);
        }
    }

    private HttpResponse<byte[]> forward(Request r) throws IOException, InterruptedException {
        String base = upstream.toString().endsWith("/") ? upstream.toString().substring(0, upstream.toString().length() - 1)
                : upstream.toString();
        URI target = URI.create(base + r.path() + (r.query().isEmpty() ? "" : "?" + r.query()));
        HttpRequest.Builder b = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30));
        r.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name)) {
                b.header(name, value);
            }
        });
        byte[] body = r.body();
        b.method(r.method(), body.length == 0 && !r.method().equals("POST") && !r.method().equals("PUT")
                && !r.method().equals("PATCH") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("the upstream did not answer", e);
        }
    }

    private Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 3) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        int headBytes = requestLine.length();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            headBytes += h.length();
            if (headBytes > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        byte[] body;
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0").strip());
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("bad content-length");
            }
            body = in.readNBytes(length);
        }
        String target = parts[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        return new Request(sequence.incrementAndGet(), parts[0], path, query, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("chunked body ended early");
            }
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
            if (n == 0) {
                for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
                    // trailers are dropped
                }
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BODY) {
                throw new IOException("chunked body too large");
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                buf.write(c);
            }
            if (buf.size() > MAX_HEAD) {
                throw new IOException("line too long");
            }
        }
        if (c == -1 && buf.size() == 0) {
            return null;
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] head(int status, Map<String, String> headers, int contentLength) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        sb.append("Content-Length: ").append(contentLength).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        out.write(head(status, headers, body.length));
        out.write(body);
        out.flush();
    }

    private static byte[] corrupt(byte[] body) {
        if (body.length == 0) {
            return "\u0000{<corrupt".getBytes(StandardCharsets.UTF_8);
        }
        byte[] out = body.clone();
        for (int i = out.length / 2; i < out.length; i++) {
            out[i] = (byte) (i % 3 == 0 ? '<' : i % 3 == 1 ? '{' : 0x01);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void reset(Socket socket) throws SocketException {
        socket.setSoLinger(true, 0);
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status";
        };
    }

    @Override
    public String toString() {
        return "FaultProxy[" + baseUri + " -> " + upstream + "]";
    }
}
