package dev.e911.carrier.bandwidth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.e911.api.spi.RemoteFailure;
import dev.e911.core.http.StatusKinds;
import dev.e911.api.spi.RemoteFailure.Kind;
import dev.e911.core.http.HttpOutcome;
import dev.e911.core.http.RetryAfter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what came back from Bandwidth into {@link RemoteFailure}s callers act on: 429 (and ES code
 * 32002) → {@code RATE_LIMITED} with the {@code Retry-After} wait, 5xx, timeouts and lost connections
 * → {@code TRANSIENT}, 401 → {@code AUTHENTICATION}, 403 → {@code PERMISSION}, 404 → {@code NOT_FOUND},
 * 409 → {@code CONFLICT}, other 4xx → {@code INVALID_REQUEST}, unreadable or oversized bodies →
 * {@code MALFORMED_RESPONSE}. Carrier error codes and descriptions are read from the Dashboard
 * {@code ResponseStatus} (XML) or the ES {@code errors} array (JSON); every message is scrubbed.
 */
public final class Failures {

  /** One carrier error: its code (may be empty) and description. */
  public record CarrierError(String code, String description) {
    @Override
    public String toString() {
      return code.isEmpty() ? description : description.isEmpty() ? "code " + code : code + ": " + description;
    }
  }

  private final Transport transport;
  private final Payloads payloads;
  private final Clock clock;
  private final Duration maxRetryAfter;

  /** Failures scrubbed by {@code transport}. */
  public Failures(Transport transport, Payloads payloads, Clock clock, Duration maxRetryAfter) {
    this.transport = transport;
    this.payloads = payloads;
    this.clock = clock;
    this.maxRetryAfter = maxRetryAfter;
  }

  /** A failure of the given kind with a scrubbed message. */
  public RemoteFailure of(Kind kind, int status, String code, String message) {
    return new RemoteFailure(kind, status, code, transport.scrub(message), Duration.ZERO);
  }

  /** The failure for an outcome with no usable response. */
  public RemoteFailure of(HttpOutcome.Failure f) {
    Kind kind = switch (f.kind()) {
      case TOO_LARGE -> Kind.MALFORMED_RESPONSE;
      case RETRIES_EXHAUSTED -> f.lastStatus() == 429 ? Kind.RATE_LIMITED : Kind.TRANSIENT;
      default -> Kind.TRANSIENT;
    };
    return new RemoteFailure(kind, f.lastStatus(), "", transport.scrub("Bandwidth: " + f.message()), f.retryAfter());
  }

  /** The failure for a response that was not what the operation needed. */
  public RemoteFailure of(HttpOutcome.Response r, boolean json) {
    List<CarrierError> errors = errors(r, json);
    String code = errors.isEmpty() ? "" : errors.get(0).code();
    int s = r.status();
    Kind kind = code.equals("32002") ? Kind.RATE_LIMITED : StatusKinds.of(s); // 32002: ES "wait for Retry-After"
    Duration retryAfter = r.header("Retry-After").flatMap(v -> RetryAfter.parse(v, clock, maxRetryAfter))
        .orElse(kind == Kind.RATE_LIMITED ? Duration.ofSeconds(1) : Duration.ZERO);
    String what = switch (kind) {
      case AUTHENTICATION -> "Bandwidth refused the credentials (401); not retried, repeated failed logins can lock the account";
      case PERMISSION -> "Bandwidth says the credentials lack a permission (403)";
      case RATE_LIMITED -> "Bandwidth rate-limited the request (" + s + ")";
      default -> "Bandwidth answered " + s;
    };
    String detail = errors.isEmpty() ? "" : " (" + String.join("; ", errors.stream().map(CarrierError::toString).toList()) + ")";
    return new RemoteFailure(kind, s, code, transport.scrub(what + detail), retryAfter);
  }

  /** A failure for a payload that could not be read. */
  public RemoteFailure malformed(int status, MalformedPayloadException e) {
    return of(Kind.MALFORMED_RESPONSE, status, "", "Bandwidth's answer could not be read: " + e.getMessage());
  }

  /** The carrier errors in a response body: Dashboard {@code ResponseStatus} / ES {@code errors}; empty when none or unreadable. */
  public List<CarrierError> errors(HttpOutcome.Response r, boolean json) {
    if (r.bodyLength() == 0) {
      return List.of();
    }
    try {
      return json ? jsonErrors(payloads.readJson(r.body())) : xmlErrors(payloads.readXml(r.body()));
    } catch (MalformedPayloadException e) {
      return List.of();
    }
  }

  /** Dashboard errors: {@code ResponseStatus} at the root or one level down. */
  public static List<CarrierError> xmlErrors(JsonNode root) {
    List<CarrierError> out = new ArrayList<>();
    Optional<JsonNode> status = Nodes.child(root, "ResponseStatus");
    if (status.isEmpty()) {
      var it = root.elements();
      while (it.hasNext() && status.isEmpty()) {
        status = Nodes.child(it.next(), "ResponseStatus");
      }
    }
    status.ifPresent(s -> {
      Optional<String> code = Nodes.text(s, "ErrorCode", "Code");
      Optional<String> desc = Nodes.text(s, "Description");
      if (code.isPresent() || desc.isPresent()) {
        out.add(new CarrierError(code.orElse(""), desc.orElse("")));
      }
    });
    Nodes.text(root, "ErrorMessage").ifPresent(m -> out.add(new CarrierError("", m)));
    return out;
  }

  /** ES errors: {@code {"errors":[{"code","description","type"}]}}. */
  public static List<CarrierError> jsonErrors(JsonNode root) {
    List<CarrierError> out = new ArrayList<>();
    Nodes.child(root, "errors").ifPresent(errs -> {
      for (JsonNode e : errs.isArray() ? errs : List.of(errs)) {
        String code = Nodes.text(e, "code").orElse("");
        String desc = Nodes.text(e, "description").or(() -> Nodes.path(e, "meta", "message").flatMap(Nodes::scalar))
            .or(() -> Nodes.text(e, "type")).orElse("");
        out.add(new CarrierError(code, desc));
      }
    });
    return out;
  }
}
