/**
 * Internals of the Bandwidth adapter: the address mapping table, natural keys, hardened XML/JSON
 * payloads, the transport (retry, rate limit, credentials, scrubbing), failure typing, the Dashboard
 * and ES operations, and the webhook parser. Not an API; may change without notice.
 */
package dev.e911.carrier.bandwidth.internal;
