package dev.e911.carrier.bandwidth.internal;

/** A Bandwidth payload that could not be read or has an unexpected shape; the message never quotes the payload. */
public final class MalformedPayloadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A payload problem described by {@code message}. */
  public MalformedPayloadException(String message) {
    super(message, null, false, false);
  }
}
