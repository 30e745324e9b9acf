package dev.e911.core.json;

/** Size bounds applied to every JSON document e911 reads. */
final class JsonLimits {
  /** Largest document accepted, in bytes (a contact center of thousands of agents fits easily). */
  static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
  /** Largest array accepted. */
  static final int MAX_ARRAY = 1_000_000;
  /** Deepest nesting accepted. */
  static final int MAX_DEPTH = 64;

  private JsonLimits() {}
}
