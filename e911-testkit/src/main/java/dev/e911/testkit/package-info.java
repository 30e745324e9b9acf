/**
 * Conformance test kit for SPI implementors: abstract JUnit 5 contract tests a carrier adapter must pass, a loopback stub HTTP server, and an in-memory reference carrier.
 */
package dev.e911.testkit;
