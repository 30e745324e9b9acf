package dev.e911.api.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a call to a remote system (carrier, platform, notifier) did not succeed, in a form callers can
 * act on: the kind (retry or not), the HTTP status and the remote system's own error code when there
 * was one, a message that never contains credentials, and the delay the remote asked for.
 */
public record RemoteFailure(Kind kind, int httpStatus, String code, String message, Duration retryAfter) {

  /** What went wrong, from the caller's point of view. */
  public enum Kind {
    /** Timeout, connection failure, 5xx: try again later. */
    TRANSIENT(true),
    /** 429 or an equivalent: try again after {@link RemoteFailure#retryAfter()}. */
    RATE_LIMITED(true),
    /** Credentials refused (401): do not retry in a loop. */
    AUTHENTICATION(false),
    /** Credentials lack a permission (403). */
    PERMISSION(false),
    /** The object does not exist. */
    NOT_FOUND(false),
    /** The remote system refused the request as invalid (400, 422). */
    INVALID_REQUEST(false),
    /** A version conflict that survived the adapter's own re-read and retry (409). */
    CONFLICT(true),
    /** The answer could not be understood (unknown shape, too large, malformed). */
    MALFORMED_RESPONSE(false);

    private final boolean retryable;

    Kind(boolean retryable) {
      this.retryable = retryable;
    }

    /** Whether a later retry may succeed. */
    public boolean retryable() {
      return retryable;
    }
  }

  public RemoteFailure {
    Objects.requireNonNull(kind, "kind");
    code = code == null ? "" : code;
    message = message == null ? "" : message;
    retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
  }

  /** A failure without HTTP status, code or retry delay. */
  public static RemoteFailure of(Kind kind, String message) {
    return new RemoteFailure(kind, 0, "", message, Duration.ZERO);
  }

  /** Whether a later retry may succeed. */
  public boolean retryable() {
    return kind.retryable();
  }
}
