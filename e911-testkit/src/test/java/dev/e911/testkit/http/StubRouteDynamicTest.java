package dev.e911.testkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StubRouteDynamicTest {

  @Test
  @DisplayName("a responder computes answers from requests and a /** path matches everything below it")
  void dynamicResponderAndPrefix() throws Exception {
    try (StubHttpServer server = StubHttpServer.start()) {
      AtomicInteger orders = new AtomicInteger();
      server.on("GET", "/orders/**").respondWith(r -> StubResponse.okJson("{\"path\":\"" + r.path() + "\",\"n\":" + orders.incrementAndGet() + "}"));
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> first = client.send(HttpRequest.newBuilder(server.uri("/orders/17")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second = client.send(HttpRequest.newBuilder(server.uri("/orders/18/history")).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> bare = client.send(HttpRequest.newBuilder(server.uri("/orders/")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(first.body()).isEqualTo("{\"path\":\"/orders/17\",\"n\":1}");
      assertThat(second.body()).isEqualTo("{\"path\":\"/orders/18/history\",\"n\":2}");
      assertThat(bare.statusCode()).isEqualTo(404);
      assertThat(URI.create(server.baseUri().toString())).isNotNull();
    }
  }
}
