package dev.e911.core.json;

/** Size bounds applied to every JSON document e911 reads. */
final class JsonLimits {
  /** Largest document accepted, in bytes (a contact center of thousands of agents fits easily). */
  static final int MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;
  /** Largest array accepted. */
  static final int MAX_ARRAY = 1_000_000;
  /** Deepest nesting accepted. */
  static final int MAX_DEPTH = 64;
  /** Most problems listed for one document: past it, reading stops and one json.too-many-problems says so. */
  static final int MAX_VIOLATIONS = 1_000;

  private JsonLimits() {}
}
