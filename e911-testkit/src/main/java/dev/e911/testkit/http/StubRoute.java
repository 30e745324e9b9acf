package dev.e911.testkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A scripted route of a {@link StubHttpServer}, created by {@link StubHttpServer#on}: it matches
 * a method and an exact raw path, optionally narrowed by query parameters or any predicate, and
 * answers with a script of responses in order; once the script is used up its last response
 * repeats (so {@code respond(status(503))} means "always 503"). A route is live from the moment
 * {@link #respond} is called; calling it again replaces the script. It counts and keeps the
 * requests it answered. Thread-safe.
 *
 * <p>A path ending in {@code /**} matches every path under that prefix (e.g.
 * {@code /api/accounts/42/e911s/**}). For a stateful fake carrier, {@link #respondWith} computes each
 * answer from the request instead of following a script; the function runs under the route's lock,
 * so it may keep simple state without further synchronisation.
 */
public final class StubRoute {

    private final String method;
    private final String path;
    private final List<Predicate<RecordedRequest>> conditions = new ArrayList<>();
    private final List<String> conditionDescriptions = new ArrayList<>();
    private final List<RecordedRequest> answered = new CopyOnWriteArrayList<>();
    private final Consumer<StubRoute> activation;
    private List<StubResponse> script = List.of();
    private Function<RecordedRequest, StubResponse> responder;
    private int position;
    private boolean active;

    StubRoute(String method, String path, Consumer<StubRoute> activation) {
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.activation = activation;
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a route path starts with '/', got " + path);
        }
    }

    /** Matches only requests whose query has this parameter with this (decoded) value. */
    public synchronized StubRoute withQueryParameter(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return matching(name + "=" + value, r -> r.queryParameter(name).filter(value::equals).isPresent());
    }

    /** Matches only requests carrying this header value (case-insensitive name, exact value). */
    public synchronized StubRoute withHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        return matching("header " + name, r -> r.header(name).filter(value::equals).isPresent());
    }

    /**
     * Matches only requests that satisfy {@code condition}.
     *
     * @param description names the condition in the unmatched-request 404 body
     */
    public synchronized StubRoute matching(String description, Predicate<RecordedRequest> condition) {
        if (active) {
            throw new IllegalStateException("add conditions before respond(...): " + this);
        }
        conditionDescriptions.add(Objects.requireNonNull(description, "description"));
        conditions.add(Objects.requireNonNull(condition, "condition"));
        return this;
    }

    /**
     * Sets the script and makes the route live: the first matching request gets {@code first},
     * the next ones get {@code then} in order, and the last response repeats after that.
     */
    public StubRoute respond(StubResponse first, StubResponse... then) {
        Objects.requireNonNull(first, "first");
        List<StubResponse> all = new ArrayList<>();
        all.add(first);
        for (StubResponse r : then) {
            all.add(Objects.requireNonNull(r, "then"));
        }
        boolean activate;
        synchronized (this) {
            script = List.copyOf(all);
            responder = null;
            position = 0;
            activate = !active;
            active = true;
        }
        if (activate) {
            activation.accept(this);
        }
        return this;
    }

    /**
     * Makes the route live with a function that computes each response from the request (a stateful
     * fake). Replaces any script.
     */
    public StubRoute respondWith(Function<RecordedRequest, StubResponse> responder) {
        Objects.requireNonNull(responder, "responder");
        boolean activate;
        synchronized (this) {
            this.responder = responder;
            script = List.of();
            position = 0;
            activate = !active;
            active = true;
        }
        if (activate) {
            activation.accept(this);
        }
        return this;
    }

    /** How many requests this route has answered. */
    public int hitCount() {
        return answered.size();
    }

    /** The requests this route answered, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(answered);
    }

    synchronized boolean matches(RecordedRequest request) {
        if (!active || !method.equalsIgnoreCase(request.method()) || !pathMatches(request.path())) {
            return false;
        }
        for (Predicate<RecordedRequest> c : conditions) {
            if (!c.test(request)) {
                return false;
            }
        }
        return true;
    }

    private boolean pathMatches(String requested) {
        if (path.endsWith("/**")) {
            String prefix = path.substring(0, path.length() - 2);
            return requested.startsWith(prefix) && requested.length() > prefix.length();
        }
        return path.equals(requested);
    }

    synchronized StubResponse answer(RecordedRequest request) {
        answered.add(request);
        if (responder != null) {
            return Objects.requireNonNull(responder.apply(request), "the responder returned null");
        }
        StubResponse r = script.get(Math.min(position, script.size() - 1));
        position++;
        return r;
    }

    /** {@code METHOD /path [conditions]}. */
    @Override
    public synchronized String toString() {
        return method + " " + path + (conditionDescriptions.isEmpty() ? "" : " " + conditionDescriptions);
    }
}
