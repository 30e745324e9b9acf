/**
 * The stores' internals: shared argument rules, connection handling, schema migrations and the
 * redaction of credentials. Used only by {@code dev.e911.core.store}; not an API.
 */
package dev.e911.core.store.internal;
