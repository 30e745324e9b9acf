/**
 * PIDF-LO (RFC 3863 / 4119 / 4479 / 5139 / 5491) XML layer, independent of the domain model:
 * validation against the vendored official schema set ({@link dev.e911.core.pidf.PidfSchemaValidator}),
 * the typed refusal raised when a document is hostile, oversize or not well-formed
 * ({@link dev.e911.core.pidf.PidfReadException}), the input limits that bound every read
 * ({@link dev.e911.core.pidf.PidfReadLimits}), and the typed refusal of characters XML 1.0
 * cannot carry ({@link dev.e911.core.pidf.IllegalXmlCharacterException}). PIDF-LO arrives from
 * the network, so every read refuses DTDs, never resolves anything outside the library and
 * never touches the network; the {@code internal} package holds the hardened parser factories,
 * the input limits enforcement and the output escaper that the writer and reader build on.
 */
package dev.e911.core.pidf;
