package dev.e911.core.http;

import dev.e911.api.spi.RemoteFailure;

/**
 * The one mapping of an HTTP status to the {@link RemoteFailure.Kind} adapters report: 400/422 and
 * other 4xx are invalid requests, 401 authentication, 403 permission, 404/410 not found, 409
 * conflict, 429 rate limited, 5xx transient; anything else (a status that should have been a
 * success) is a malformed response. Adapters refine it with the remote system's own error codes.
 */
public final class StatusKinds {

  private StatusKinds() {}

  /** The failure kind for an HTTP status. */
  public static RemoteFailure.Kind of(int status) {
    if (status == 401) {
      return RemoteFailure.Kind.AUTHENTICATION;
    } else if (status == 403) {
      return RemoteFailure.Kind.PERMISSION;
    } else if (status == 404 || status == 410) {
      return RemoteFailure.Kind.NOT_FOUND;
    } else if (status == 409) {
      return RemoteFailure.Kind.CONFLICT;
    } else if (status == 429) {
      return RemoteFailure.Kind.RATE_LIMITED;
    } else if (status >= 500) {
      return RemoteFailure.Kind.TRANSIENT;
    } else if (status >= 400) {
      return RemoteFailure.Kind.INVALID_REQUEST;
    }
    return RemoteFailure.Kind.MALFORMED_RESPONSE;
  }
}
