package dev.e911.testkit.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of a {@link StubHttpServer}: status, headers and body, plus the ways real
 * APIs misbehave: a delay before the headers, a body that drips slowly, a connection dropped
 * before the headers or in the middle of the body, and a body shorter than its Content-Length.
 * Instances are immutable; every {@code with}-style method returns a modified copy, so a response
 * can be defined once and reused across routes and tests.
 */
public final class StubResponse {

    /** How the response ends. */
    enum Ending {
        /** Normally. */
        COMPLETE,
        /** The connection is dropped before any byte of the response. */
        DROP_BEFORE_HEADERS,
        /** Headers and a body prefix are sent (chunked), then the connection is dropped. */
        DROP_MID_BODY,
        /** Content-Length declares the full body, only a prefix is sent, then the connection is dropped. */
        TRUNCATE
    }

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Duration headerDelay;
    private final int dripBytes;
    private final Duration dripInterval;
    private final Ending ending;
    private final int endingAfterBytes;
    private final boolean chunked;

    private StubResponse(int status, Map<String, List<String>> headers, byte[] body, Duration headerDelay,
            int dripBytes, Duration dripInterval, Ending ending, int endingAfterBytes, boolean chunked) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.headerDelay = headerDelay;
        this.dripBytes = dripBytes;
        this.dripInterval = dripInterval;
        this.ending = ending;
        this.endingAfterBytes = endingAfterBytes;
        this.chunked = chunked;
    }

    /**
     * A response with this status and no body.
     *
     * @throws IllegalArgumentException unless {@code 100 <= status <= 599}
     */
    public static StubResponse status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("an HTTP status is between 100 and 599, got " + status);
        }
        return new StubResponse(status, Map.of(), new byte[0], Duration.ZERO, 0, Duration.ZERO, Ending.COMPLETE, 0, false);
    }

    /** {@code 200} with a JSON body. */
    public static StubResponse okJson(String json) {
        return json(200, json);
    }

    /** A JSON body ({@code application/json}, UTF-8) with this status. */
    public static StubResponse json(int status, String json) {
        return status(status).body(json, "application/json");
    }

    /** A plain-text body ({@code text/plain; charset=utf-8}) with this status. */
    public static StubResponse text(int status, String text) {
        return status(status).body(text, "text/plain; charset=utf-8");
    }

    /** An XML body ({@code application/xml}, UTF-8) with this status, for XML-speaking carrier APIs. */
    public static StubResponse xml(int status, String xml) {
        return status(status).body(xml, "application/xml");
    }

    /**
     * {@code 429 Too Many Requests} with a {@code Retry-After} header, given verbatim so tests can
     * send delay-seconds ({@code "1"}), an HTTP-date, or garbage.
     */
    public static StubResponse tooManyRequests(String retryAfter) {
        return status(429).header("Retry-After", retryAfter);
    }

    /** A connection dropped after the request was read, before any byte of a response. */
    public static StubResponse dropConnection() {
        return status(200).ending(Ending.DROP_BEFORE_HEADERS, 0);
    }

    /** Adds a header value (repeat the call for several values of one header). */
    public StubResponse header(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        copy.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        copy.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new StubResponse(status, Collections.unmodifiableMap(frozen), body, headerDelay, dripBytes,
                dripInterval, ending, endingAfterBytes, chunked);
    }

    /** A UTF-8 text body with its {@code Content-Type}. */
    public StubResponse body(String text, String contentType) {
        return body(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A binary body with its {@code Content-Type}. */
    public StubResponse body(byte[] bytes, String contentType) {
        StubResponse withType = withoutHeader("Content-Type").header("Content-Type", contentType);
        return new StubResponse(status, withType.headers, bytes.clone(), headerDelay, dripBytes, dripInterval,
                ending, endingAfterBytes, chunked);
    }

    /** Waits this long after reading the request before sending the status line and headers. */
    public StubResponse delayHeaders(Duration delay) {
        requireNotNegative(delay, "delay");
        return new StubResponse(status, headers, body, delay, dripBytes, dripInterval, ending, endingAfterBytes, chunked);
    }

    /** Sends the body {@code bytesPerChunk} bytes at a time, waiting {@code interval} before each chunk. */
    public StubResponse drip(int bytesPerChunk, Duration interval) {
        if (bytesPerChunk < 1) {
            throw new IllegalArgumentException("bytesPerChunk must be at least 1, got " + bytesPerChunk);
        }
        requireNotNegative(interval, "interval");
        return new StubResponse(status, headers, body, headerDelay, bytesPerChunk, interval, ending, endingAfterBytes, chunked);
    }

    /**
     * Sends the headers and the first {@code bytes} bytes of the body (chunked, so the client
     * cannot know the length), then drops the connection.
     */
    public StubResponse dropAfterBodyBytes(int bytes) {
        return ending(Ending.DROP_MID_BODY, bytes);
    }

    /**
     * Declares the full body in {@code Content-Length}, sends only its first {@code bytes} bytes,
     * then drops the connection.
     */
    public StubResponse truncateAfterBodyBytes(int bytes) {
        return ending(Ending.TRUNCATE, bytes);
    }

    /**
     * Sends the body with chunked transfer encoding instead of a Content-Length, so the client
     * learns its size only by reading it.
     */
    public StubResponse chunked() {
        return new StubResponse(status, headers, body, headerDelay, dripBytes, dripInterval, ending, endingAfterBytes, true);
    }

    /** The status code. */
    public int statusCode() {
        return status;
    }

    /** The headers, in the order added; immutable. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    int bodyLength() {
        return body.length;
    }

    byte[] bodyUnsafe() {
        return body;
    }

    Duration headerDelay() {
        return headerDelay;
    }

    int dripBytes() {
        return dripBytes;
    }

    Duration dripInterval() {
        return dripInterval;
    }

    Ending ending() {
        return ending;
    }

    int endingAfterBytes() {
        return endingAfterBytes;
    }

    boolean isChunked() {
        return chunked;
    }

    private StubResponse ending(Ending newEnding, int afterBytes) {
        if (afterBytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative, got " + afterBytes);
        }
        if (newEnding == Ending.TRUNCATE && afterBytes >= body.length) {
            throw new IllegalArgumentException("a truncated body must send fewer bytes than its length "
                    + body.length + ", got " + afterBytes + "; set the body first");
        }
        return new StubResponse(status, headers, body, headerDelay, dripBytes, dripInterval, newEnding, afterBytes, chunked);
    }

    private StubResponse withoutHeader(String name) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)));
        return new StubResponse(status, Collections.unmodifiableMap(copy), body, headerDelay, dripBytes,
                dripInterval, ending, endingAfterBytes, chunked);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    /** Describes the response without its body, for failure messages. */
    @Override
    public String toString() {
        return "StubResponse[status=" + status + ", bodyBytes=" + body.length
                + (headerDelay.isZero() ? "" : ", headerDelay=" + headerDelay)
                + (dripBytes == 0 ? "" : ", drip=" + dripBytes + "B/" + dripInterval)
                + (chunked ? ", chunked" : "")
                + (ending == Ending.COMPLETE ? "" : ", ending=" + ending + "@" + endingAfterBytes) + "]";
    }
}
