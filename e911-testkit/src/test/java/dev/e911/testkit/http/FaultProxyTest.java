package dev.e911.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultProxyTest {

    private static final String BODY = "{\"orderId\":\"o-1\",\"status\":\"RECEIVED\",\"padding\":\"0123456789abcdef\"}";

    private final StubHttpServer upstream = StubHttpServer.start();
    private final AtomicReference<ProxyFault> next = new AtomicReference<>(new ProxyFault.Pass());
    private final FaultProxy proxy = FaultProxy.start(upstream.baseUri(), r -> next.get());
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    FaultProxyTest() {
        upstream.on("POST", "/v1/orders").respond(StubResponse.json(201, BODY).header("X-Request-Id", "r-1"));
    }

    @AfterEach
    void close() {
        proxy.close();
        upstream.close();
    }

    private HttpResponse<String> post() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(proxy.uri("/v1/orders?dry=false")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer t-1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"n\":1}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void passes_request_and_answer_through() throws Exception {
        HttpResponse<String> r = post();

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(BODY);
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("r-1");
        RecordedRequest seen = upstream.requests("POST", "/v1/orders").get(0);
        assertThat(seen.bodyUtf8()).isEqualTo("{\"n\":1}");
        assertThat(seen.header("Authorization")).hasValue("Bearer t-1");
        assertThat(seen.queryParameter("dry")).hasValue("false");
        assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::fault).containsExactly("pass");
    }

    @Test
    void answers_itself_without_forwarding() throws Exception {
        next.set(ProxyFault.Answer.tooManyRequests(7, "application/json", "{\"e\":1}"));

        HttpResponse<String> r = post();

        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(upstream.requests()).isEmpty();
        assertThat(proxy.counts()).isEqualTo(Map.of("answer-429", 1));
    }

    @Test
    void replaces_the_answer_of_an_applied_request() throws Exception {
        next.set(new ProxyFault.ApplyThenAnswer(502, "text/plain", "bad gateway"));

        HttpResponse<String> r = post();

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).isEqualTo("bad gateway");
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void resets_before_or_after_forwarding() {
        next.set(new ProxyFault.ResetBefore());
        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(upstream.requests()).isEmpty();

        next.set(new ProxyFault.ResetAfter());
        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(upstream.requests()).hasSize(1);
        assertThat(proxy.exchanges()).extracting(FaultProxy.Exchange::applied).containsExactly(false, true);
    }

    @Test
    void truncates_a_body_after_forwarding() {
        next.set(new ProxyFault.Truncate());

        assertThatThrownBy(this::post).isInstanceOf(IOException.class);
        assertThat(upstream.requests()).hasSize(1);
    }

    @Test
    void corrupts_a_body_keeping_status_and_length() throws Exception {
        next.set(new ProxyFault.Corrupt());

        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(proxy.uri("/v1/orders"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).hasSize(BODY.length()).isNotEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith(BODY.substring(0, BODY.length() / 2));
    }

    @Test
    void drips_the_whole_answer() throws Exception {
        next.set(new ProxyFault.Drip(16, Duration.ofMillis(2)));

        HttpResponse<String> r = post();

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo(BODY);
    }

    @Test
    void runs_a_hook_before_forwarding() throws Exception {
        StringBuilder calls = new StringBuilder();
        next.set(new ProxyFault.BeforeForward("expired-token", () -> calls.append("expired")));

        assertThat(post().statusCode()).isEqualTo(201);
        assertThat(calls).hasToString("expired");
        assertThat(proxy.counts()).containsEntry("expired-token", 1);
    }
}
