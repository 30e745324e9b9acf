// TEMPORARY COPY of e911-testkit/src/main/java/dev/e911/testkit/http/StubRoute.java (package line changed).
// e911-core cannot see e911-testkit until e911-core/pom.xml declares it as a test dependency;
// then delete this package and import dev.e911.testkit.http instead. StubCopyIsCurrentTest guards drift.
package dev.e911.core.http.stubcopy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A scripted route of a {@link StubHttpServer}, created by {@link StubHttpServer#on}: it matches
 * a method and an exact raw path, optionally narrowed by query parameters or any predicate, and
 * answers with a script of responses in order; once the script is used up its last response
 * repeats (so {@code respond(status(503))} means "always 503"). A route is live from the moment
 * {@link #respond} is called; calling it again replaces the script. It counts and keeps the
 * requests it answered. Thread-safe.
 */
public final class StubRoute {

    private final String method;
    private final String path;
    private final List<Predicate<RecordedRequest>> conditions = new ArrayList<>();
    private final List<String> conditionDescriptions = new ArrayList<>();
    private final List<RecordedRequest> answered = new CopyOnWriteArrayList<>();
    private final Consumer<StubRoute> activation;
    private List<StubResponse> script = List.of();
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
        if (!active || !method.equalsIgnoreCase(request.method()) || !path.equals(request.path())) {
            return false;
        }
        for (Predicate<RecordedRequest> c : conditions) {
            if (!c.test(request)) {
                return false;
            }
        }
        return true;
    }

    synchronized StubResponse answer(RecordedRequest request) {
        answered.add(request);
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
