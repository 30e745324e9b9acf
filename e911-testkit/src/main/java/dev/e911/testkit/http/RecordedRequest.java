package dev.e911.testkit.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.net.URLDecoder;

/**
 * A request as a {@link StubHttpServer} received it, kept for assertions: method, raw path, raw
 * query (empty when there is none), headers (names in lower case) and the body bytes. Immutable
 * and safe to share between threads.
 *
 * @param method the request method, e.g. {@code POST}
 * @param path the raw (still percent-encoded) path
 * @param query the raw query without {@code ?}, or empty
 * @param headers header values by lower-case name
 * @param body the request body
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Map<String, List<String>> lower = new LinkedHashMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) ->
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>()).addAll(values));
        lower.replaceAll((k, v) -> List.copyOf(v));
        headers = Collections.unmodifiableMap(lower);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyUtf8() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, percent-decoded as UTF-8. */
    public Optional<String> queryParameter(String name) {
        if (query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    /** {@code METHOD path[?query]}. */
    public String target() {
        return method + " " + path + (query.isEmpty() ? "" : "?" + query);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedRequest r && method.equals(r.method) && path.equals(r.path)
                && query.equals(r.query) && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, query, headers, Arrays.hashCode(body));
    }

    /** Method, target and body size; header values are left out since they may hold credentials. */
    @Override
    public String toString() {
        return "RecordedRequest[" + target() + ", headers=" + headers.keySet() + ", bodyBytes=" + body.length + "]";
    }
}
