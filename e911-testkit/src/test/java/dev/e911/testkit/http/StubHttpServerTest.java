package dev.e911.testkit.http;

import static dev.e911.testkit.http.StubResponse.json;
import static dev.e911.testkit.http.StubResponse.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StubHttpServerTest {

    private final StubHttpServer server = StubHttpServer.start();
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterEach
    void close() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.uri(pathAndQuery)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void listens_on_loopback_with_an_ephemeral_port() {
        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.port()).isPositive();
        assertThat(server.baseUri()).hasToString("http://127.0.0.1:" + server.port() + "/");
    }

    @Nested
    @DisplayName("scripts")
    class Scripts {
        @Test
        void answer_in_order_and_then_repeat_the_last_response() throws Exception {
            StubRoute route = server.on("GET", "/v1/things")
                    .respond(status(503), status(503), json(200, "{\"ok\":true}"));

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                statuses.add(get("/v1/things").statusCode());
            }

            assertThat(statuses).containsExactly(503, 503, 200, 200, 200);
            assertThat(route.hitCount()).isEqualTo(5);
        }

        @Test
        void send_status_headers_and_body_with_its_content_type() throws Exception {
            server.on("GET", "/v1/x").respond(json(201, "{\"id\":\"é\"}").header("X-Trace", "t1").header("X-Trace", "t2"));

            HttpResponse<String> r = get("/v1/x");

            assertThat(r.statusCode()).isEqualTo(201);
            assertThat(r.body()).isEqualTo("{\"id\":\"é\"}");
            assertThat(r.headers().firstValue("content-type")).contains("application/json");
            assertThat(r.headers().allValues("x-trace")).containsExactly("t1", "t2");
        }

        @Test
        void send_a_chunked_body_without_content_length() throws Exception {
            server.on("GET", "/c").respond(StubResponse.text(200, "chunky").chunked());

            HttpResponse<String> r = get("/c");

            assertThat(r.body()).isEqualTo("chunky");
            assertThat(r.headers().firstValue("content-length")).isEmpty();
            assertThat(r.headers().firstValue("transfer-encoding")).contains("chunked");
        }

        @Test
        void send_429_with_retry_after() throws Exception {
            server.on("POST", "/v2/locations").respond(StubResponse.tooManyRequests("1"));

            HttpResponse<String> r = client.send(HttpRequest.newBuilder(server.uri("/v2/locations"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("retry-after")).contains("1");
        }

        @Test
        void narrow_by_query_parameter_and_the_route_made_live_last_wins() throws Exception {
            server.on("GET", "/users").respond(json(200, "page-any"));
            server.on("GET", "/users").withQueryParameter("pageNumber", "2").respond(json(200, "page-2"));

            assertThat(get("/users?pageNumber=2&pageSize=25").body()).isEqualTo("page-2");
            assertThat(get("/users?pageNumber=1").body()).isEqualTo("page-any");
            assertThat(get("/users").body()).isEqualTo("page-any");

            server.on("GET", "/users").respond(json(200, "override"));
            assertThat(get("/users?pageNumber=2").body()).isEqualTo("override");
        }

        @Test
        void narrow_by_header_or_any_predicate() throws Exception {
            server.on("GET", "/a").withHeader("Accept", "application/xml").respond(StubResponse.xml(200, "<a/>"));
            server.on("GET", "/a").matching("never", r -> false).respond(status(500));

            HttpResponse<String> xml = client.send(HttpRequest.newBuilder(server.uri("/a"))
                    .header("Accept", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> other = get("/a");

            assertThat(xml.body()).isEqualTo("<a/>");
            assertThat(other.statusCode()).isEqualTo(404);
        }

        @Test
        void refuse_conditions_after_the_route_is_live() {
            StubRoute route = server.on("GET", "/a").respond(status(200));
            assertThatThrownBy(() -> route.withQueryParameter("a", "b")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("unmatched requests")
    class Unmatched {
        @Test
        void get_404_naming_the_request_and_the_routes() throws Exception {
            server.on("POST", "/v2/locations").respond(status(201));

            HttpResponse<String> r = get("/v2/locatoins?x=1");

            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("GET /v2/locatoins?x=1").contains("POST /v2/locations");
            assertThat(server.unmatchedRequests()).extracting(RecordedRequest::path).containsExactly("/v2/locatoins");
        }

        @Test
        void say_so_when_there_are_no_routes() throws Exception {
            assertThat(get("/anything").body()).contains("(none)");
        }
    }

    @Nested
    @DisplayName("recording")
    class Recording {
        @Test
        void keeps_method_path_query_headers_and_body() throws Exception {
            server.on("PUT", "/v2/users/u1/location").respond(status(204));

            client.send(HttpRequest.newBuilder(server.uri("/v2/users/u1/location?force=true&note=a%20b"))
                    .header("Authorization", "Bearer tok")
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"id\":1}")).build(), HttpResponse.BodyHandlers.discarding());

            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.method()).isEqualTo("PUT");
                assertThat(r.path()).isEqualTo("/v2/users/u1/location");
                assertThat(r.query()).isEqualTo("force=true&note=a%20b");
                assertThat(r.queryParameter("note")).contains("a b");
                assertThat(r.queryParameter("missing")).isEmpty();
                assertThat(r.header("authorization")).contains("Bearer tok");
                assertThat(r.headers()).containsKey("content-type");
                assertThat(r.bodyUtf8()).isEqualTo("{\"id\":1}");
                assertThat(r.toString()).doesNotContain("tok");
            });
            assertThat(server.requests("PUT", "/v2/users/u1/location")).hasSize(1);
            assertThat(server.requests("GET", "/v2/users/u1/location")).isEmpty();
        }

        @Test
        void is_thread_safe_under_concurrent_requests() {
            server.on("GET", "/n").respond(status(200));

            List<CompletableFuture<HttpResponse<Void>>> all = IntStream.range(0, 40)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(server.uri("/n?i=" + i)).build(),
                            HttpResponse.BodyHandlers.discarding()))
                    .toList();
            all.forEach(CompletableFuture::join);

            assertThat(server.requestCount()).isEqualTo(40);
            assertThat(server.requests()).extracting(r -> r.queryParameter("i").orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 40).mapToObj(Integer::toString).toList());
        }

        @Test
        void reset_forgets_routes_and_requests() throws Exception {
            server.on("GET", "/a").respond(status(200));
            get("/a");

            server.reset();

            assertThat(server.requests()).isEmpty();
            assertThat(get("/a").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("misbehaviour")
    class Misbehaviour {
        @Test
        void delayed_headers_make_a_client_time_out() {
            server.on("GET", "/slow").respond(status(200).delayHeaders(Duration.ofSeconds(5)));

            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(server.uri("/slow"))
                    .timeout(Duration.ofMillis(200)).build(), HttpResponse.BodyHandlers.discarding()))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(server.requests("GET", "/slow")).hasSize(1);
        }

        @Test
        void a_dripping_body_arrives_complete_but_not_at_once() throws Exception {
            server.on("GET", "/drip").respond(StubResponse.text(200, "abcdef").drip(2, Duration.ofMillis(30)));

            long start = System.nanoTime();
            HttpResponse<String> r = get("/drip");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(r.body()).isEqualTo("abcdef");
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(80)); // three chunks, 30 ms before each
        }

        @Test
        void a_dropped_connection_fails_the_client_and_the_server_keeps_serving() throws Exception {
            StubRoute route = server.on("GET", "/drop").respond(StubResponse.dropConnection());

            assertThatThrownBy(() -> get("/drop")).isInstanceOf(IOException.class);
            // the JDK client silently retries an idempotent request once when the connection drops
            // before any response byte, so the server may have seen one or two requests
            assertThat(route.hitCount()).isBetween(1, 2);

            route.respond(status(200));
            assertThat(get("/drop").statusCode()).isEqualTo(200);
        }

        @Test
        void a_connection_dropped_mid_body_fails_the_client() throws Exception {
            server.on("GET", "/mid").respond(StubResponse.text(200, "x".repeat(10_000)).dropAfterBodyBytes(100));

            assertThatThrownBy(() -> get("/mid")).isInstanceOf(IOException.class);
        }

        @Test
        void a_truncated_body_fails_the_client() {
            server.on("GET", "/trunc").respond(StubResponse.text(200, "0123456789").truncateAfterBodyBytes(4));

            assertThatThrownBy(() -> get("/trunc")).isInstanceOf(IOException.class);
        }

        @Test
        void a_truncation_needs_a_longer_body() {
            assertThatThrownBy(() -> StubResponse.text(200, "ab").truncateAfterBodyBytes(2))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void close_stops_listening() throws Exception {
        URI uri = server.uri("/a");
        server.close();

        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
    }
}
