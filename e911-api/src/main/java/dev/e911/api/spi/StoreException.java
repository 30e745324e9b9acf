package dev.e911.api.spi;

/**
 * A {@link LocationStore} could not do its work (database down, schema mismatch). Unchecked: the
 * location engine catches it and keeps its in-memory state; the emergency router never touches the
 * store, so a store failure never affects a call. The message never contains credentials.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
