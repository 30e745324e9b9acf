package dev.e911.api.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An HTTP request a carrier sent to e911's webhook endpoint, as the embedding service received it. */
public record WebhookRequest(String contentType, Map<String, List<String>> headers, byte[] body) {

  /** Largest webhook body an adapter has to read. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  public WebhookRequest {
    contentType = contentType == null ? "" : contentType;
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = Objects.requireNonNull(body, "body").clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
