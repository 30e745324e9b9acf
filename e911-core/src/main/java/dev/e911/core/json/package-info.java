/**
 * JSON mapping of the domain model ({@link dev.e911.core.json.DomainJson}): strict, bounded reading
 * with JSON-path violations, and writing in the documented shapes. The only package of e911-core
 * that uses Jackson.
 */
package dev.e911.core.json;
