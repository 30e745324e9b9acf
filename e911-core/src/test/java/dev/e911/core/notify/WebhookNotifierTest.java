package dev.e911.core.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.e911.api.routing.Classification;
import dev.e911.api.spi.EmergencyNotification;
import dev.e911.api.spi.NotificationOutcome;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.api.spi.Secret;
import dev.e911.api.validation.InvalidValueException;
import dev.e911.api.validation.Violation;
import dev.e911.core.http.Jitter;
import dev.e911.core.http.RetryPolicy;
import dev.e911.core.testing.MutableClock;
import dev.e911.testkit.http.RecordedRequest;
import dev.e911.testkit.http.StubHttpServer;
import dev.e911.testkit.http.StubResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The webhook against a real loopback HTTP server. */
class WebhookNotifierTest {

  static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
  static final String SECRET_TEXT = "whsec-0123456789abcdef-DO-NOT-LEAK";
  static final Secret SECRET = Secret.of(SECRET_TEXT);
  static final ObjectMapper JSON = new ObjectMapper();

  final StubHttpServer server = StubHttpServer.start();
  final MutableClock clock = new MutableClock(T0);
  final List<Duration> slept = new CopyOnWriteArrayList<>();
  final List<String> messages = new ArrayList<>();

  @AfterEach
  void stop() {
    server.close();
    for (String m : messages) {
      assertThat(SECRET.appearsIn(m)).as("a secret in: %s", m).isFalse();
    }
  }

  WebhookNotifier.Builder webhook(String path) {
    return WebhookNotifier.builder("desk-hook", server.uri(path), SECRET).clock(clock).sleeper(slept::add)
        .attemptTimeout(Duration.ofSeconds(5)).deliveryIds(() -> "d-1")
        .retryPolicy(RetryPolicy.custom().maxAttempts(3).initialBackoff(Duration.ofMillis(250)).maxBackoff(Duration.ofSeconds(2))
            .jitter(Jitter.NONE).maxTotalTime(Duration.ofSeconds(20)).retryableStatuses(Set.of(429, 500, 502, 503, 504))
            .retryNonIdempotentWhenUncertain(true).build());
  }

  NotificationOutcome send(WebhookNotifier w, EmergencyNotification n) {
    NotificationOutcome o = w.send(n);
    messages.add(o.toString());
    messages.add(w.toString());
    return o;
  }

  static RemoteFailure failure(NotificationOutcome o) {
    assertThat(o).isInstanceOf(NotificationOutcome.Failed.class);
    return ((NotificationOutcome.Failed) o).failure();
  }

  static String hmac(String key, String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("a 2xx is delivered; the body has the documented fields and the signature verifies, independently recomputed")
  void deliveredAndSigned() throws Exception {
    server.on("POST", "/hook").respond(StubResponse.status(204));
    NotificationOutcome o = send(webhook("/hook").build(), NotificationDispatcherTest.call("c1"));
    assertThat(o).isEqualTo(new NotificationOutcome.Delivered("d-1"));

    RecordedRequest r = server.requests("POST", "/hook").get(0);
    assertThat(r.header("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(r.header(WebhookSignature.DELIVERY_HEADER)).hasValue("d-1");
    String ts = r.header(WebhookSignature.TIMESTAMP_HEADER).orElseThrow();
    assertThat(ts).isEqualTo(Long.toString(T0.getEpochSecond()));
    String sig = r.header(WebhookSignature.SIGNATURE_HEADER).orElseThrow();
    assertThat(sig).isEqualTo("v1=" + hmac(SECRET_TEXT, ts + "." + r.bodyUtf8()));
    assertThat(WebhookSignature.verify(SECRET, ts, sig, r.body(), clock, WebhookSignature.DEFAULT_TOLERANCE).isValid()).isTrue();
    assertThat(r.headers().toString()).doesNotContain(SECRET_TEXT);

    JsonNode body = JSON.readTree(r.body());
    List<String> fields = new ArrayList<>();
    body.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("schema", "callId", "test", "label", "classification", "occurredAt", "agentId",
        "agentName", "callbackNumber", "location", "verification", "warnings", "notifier", "acknowledgementRequired");
    assertThat(body.get("schema").asText()).isEqualTo("e911.notification.v1");
    assertThat(body.get("callId").asText()).isEqualTo("c1");
    assertThat(body.get("test").asBoolean()).isFalse();
    assertThat(body.get("label").asText()).isEqualTo("EMERGENCY 911 CALL");
    assertThat(body.get("occurredAt").asText()).isEqualTo("2026-11-25T14:00:00Z");
    assertThat(body.get("agentName").asText()).isEqualTo("Maria Lopez");
    assertThat(body.get("callbackNumber").asText()).isEqualTo("+15125550117");
    assertThat(body.get("location").asText()).isEqualTo("4521 Avenida de los Árboles, Apt 2B, Austin, TX 78745, US");
    assertThat(body.get("verification").asText()).isEqualTo("REMOTE_VERIFIED");
    assertThat(body.get("warnings").get(0).get("code").asText()).isEqualTo("LOCATION_STALE");
    assertThat(body.get("warnings").get(0).get("message").asText()).isEqualTo("verified yesterday");
    assertThat(body.get("notifier").asText()).isEqualTo("desk-hook");
    assertThat(body.get("acknowledgementRequired").asBoolean()).isFalse();
  }

  @Test
  @DisplayName("a 933 test call is labelled as a test in the body")
  void testCallLabelled() throws Exception {
    server.on("POST", "/hook").respond(StubResponse.status(200));
    send(webhook("/hook").requireAcknowledgement(true).build(), NotificationDispatcherTest.call("t1", Classification.EMERGENCY_TEST));
    JsonNode body = JSON.readTree(server.requests().get(0).body());
    assertThat(body.get("test").asBoolean()).isTrue();
    assertThat(body.get("classification").asText()).isEqualTo("EMERGENCY_TEST");
    assertThat(body.get("label").asText()).contains("TEST").contains("do not dispatch");
    assertThat(body.get("acknowledgementRequired").asBoolean()).isTrue();
  }

  @Test
  @DisplayName("text that could break JSON (quotes, backslashes, newlines, controls) survives the round trip")
  void escaping() throws Exception {
    server.on("POST", "/hook").respond(StubResponse.status(200));
    String name = "Eve \"the\" \\ hacker\n\u0001\u2028";
    EmergencyNotification n = new EmergencyNotification("c\"1", T0, Classification.EMERGENCY, "eve", name, "", "", 
        dev.e911.api.location.VerificationState.UNVERIFIED, List.of());
    send(webhook("/hook").build(), n);
    JsonNode body = JSON.readTree(server.requests().get(0).body());
    assertThat(body.get("agentName").asText()).isEqualTo(name);
    assertThat(body.get("callId").asText()).isEqualTo("c\"1");
  }

  @Test
  @DisplayName("a 503 then a 200: delivered on the second attempt, both attempts signed with the same delivery id")
  void fiveHundredThenSuccess() {
    server.on("POST", "/hook").respond(StubResponse.status(503), StubResponse.status(200));
    assertThat(send(webhook("/hook").build(), NotificationDispatcherTest.call("c1"))).isInstanceOf(NotificationOutcome.Delivered.class);
    List<RecordedRequest> requests = server.requests("POST", "/hook");
    assertThat(requests).hasSize(2);
    assertThat(requests).allSatisfy(r -> {
      assertThat(r.header(WebhookSignature.DELIVERY_HEADER)).hasValue("d-1");
      assertThat(WebhookSignature.verify(SECRET, r.header(WebhookSignature.TIMESTAMP_HEADER).orElseThrow(),
          r.header(WebhookSignature.SIGNATURE_HEADER).orElseThrow(), r.body(), clock, Duration.ofMinutes(5)).isValid()).isTrue();
    });
    assertThat(slept).containsExactly(Duration.ofMillis(250));
  }

  @Test
  @DisplayName("a 429 with Retry-After is waited out, then delivered")
  void retryAfterThenSuccess() {
    server.on("POST", "/hook").respond(StubResponse.tooManyRequests("3"), StubResponse.status(202));
    assertThat(send(webhook("/hook").build(), NotificationDispatcherTest.call("c1"))).isInstanceOf(NotificationOutcome.Delivered.class);
    assertThat(slept).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("429s until the attempts run out: RATE_LIMITED with the Retry-After, so the dispatcher waits as asked")
  void rateLimited() {
    server.on("POST", "/hook").respond(StubResponse.tooManyRequests("4"), StubResponse.tooManyRequests("4"),
        StubResponse.tooManyRequests("4"));
    RemoteFailure f = failure(send(webhook("/hook").build(), NotificationDispatcherTest.call("c1")));
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.RATE_LIMITED);
    assertThat(f.retryable()).isTrue();
    assertThat(f.httpStatus()).isEqualTo(429);
    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(4));
    assertThat(server.requestCount()).isEqualTo(3);
    messages.add(f.message());
  }

  @Test
  @DisplayName("no answer within the attempt timeout is a transient failure")
  void timeout() {
    server.on("POST", "/hook").respond(StubResponse.status(200).delayHeaders(Duration.ofSeconds(3)));
    WebhookNotifier w = webhook("/hook").attemptTimeout(Duration.ofMillis(150)).retryPolicy(RetryPolicy.noRetries()).build();
    RemoteFailure f = failure(send(w, NotificationDispatcherTest.call("c1")));
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    assertThat(f.message()).contains("timed out");
    messages.add(f.message());
  }

  @Test
  @DisplayName("status codes are typed: 401 authentication, 403 permission, 404 not found, 400 invalid, 500 transient — only the last retried")
  void typedStatuses() {
    record Case(int status, RemoteFailure.Kind kind, int requests) {}
    for (Case c : List.of(new Case(401, RemoteFailure.Kind.AUTHENTICATION, 1), new Case(403, RemoteFailure.Kind.PERMISSION, 1),
        new Case(404, RemoteFailure.Kind.NOT_FOUND, 1), new Case(400, RemoteFailure.Kind.INVALID_REQUEST, 1),
        new Case(500, RemoteFailure.Kind.TRANSIENT, 3))) {
      server.reset();
      server.on("POST", "/hook").respond(StubResponse.text(c.status(), "no: " + SECRET_TEXT));
      RemoteFailure f = failure(send(webhook("/hook").build(), NotificationDispatcherTest.call("c1")));
      assertThat(f.kind()).as("status %d", c.status()).isEqualTo(c.kind());
      assertThat(f.httpStatus()).isEqualTo(c.status());
      assertThat(server.requestCount()).as("requests for %d", c.status()).isEqualTo(c.requests());
      messages.add(f.message());
    }
  }

  @Test
  @DisplayName("the response body is bounded: an oversized 200 still counts as delivered, an oversized 500 as a failure")
  void boundedResponse() {
    String big = "x".repeat(64 * 1024);
    server.on("POST", "/ok").respond(StubResponse.text(200, big));
    server.on("POST", "/bad").respond(StubResponse.text(500, big));
    assertThat(send(webhook("/ok").maxResponseBytes(1024).build(), NotificationDispatcherTest.call("c1")))
        .isInstanceOf(NotificationOutcome.Delivered.class);
    RemoteFailure f = failure(send(webhook("/bad").maxResponseBytes(1024).build(), NotificationDispatcherTest.call("c1")));
    assertThat(f.httpStatus()).isEqualTo(500);
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
  }

  @Test
  @DisplayName("a refused connection is transient, and no message names the query string or the secret")
  void connectionRefusedAndNoLeaks() {
    URI closed;
    try (StubHttpServer gone = StubHttpServer.start()) {
      closed = gone.uri("/hook?token=query-token-123456");
    }
    WebhookNotifier w = WebhookNotifier.builder("desk-hook", closed, SECRET).clock(clock).sleeper(slept::add)
        .retryPolicy(RetryPolicy.noRetries()).attemptTimeout(Duration.ofSeconds(2)).build();
    RemoteFailure f = failure(send(w, NotificationDispatcherTest.call("c1")));
    assertThat(f.kind()).isEqualTo(RemoteFailure.Kind.TRANSIENT);
    assertThat(f.message()).doesNotContain("query-token-123456");
    assertThat(w.toString()).doesNotContain("query-token-123456").doesNotContain(SECRET_TEXT);
    messages.add(f.message());
  }

  @Test
  @DisplayName("the builder refuses plain http off loopback, credentials in the URL and short secrets, without echoing them")
  void builderRules() {
    assertThatThrownBy(() -> WebhookNotifier.builder("x y", URI.create("http://user:pw-in-url@security.example.com/hook"),
        Secret.of("short")).build())
        .isInstanceOf(InvalidValueException.class)
        .satisfies(e -> {
          InvalidValueException ive = (InvalidValueException) e;
          assertThat(ive.violations()).extracting(Violation::rule).contains("notifier.id", "url.https", "url.userinfo", "min.length");
          assertThat(ive.getMessage()).doesNotContain("pw-in-url").doesNotContain("security.example.com");
        });
    assertThat(WebhookNotifier.builder("ok", URI.create("https://security.example.com/hook"), SECRET).build().endpoint())
        .isEqualTo("https://security.example.com/hook");
    assertThat(StreamSupport.stream(List.of("localhost", "127.0.0.1").spliterator(), false)
        .map(h -> WebhookNotifier.builder("ok", URI.create("http://" + h + ":8080/hook"), SECRET).build()).count()).isEqualTo(2);
  }
}
