/**
 * Internals of the Genesys Cloud adapter: the authenticated client with its pager and conflict loop,
 * the inventory reader, the mapping of number plans, trunk caller-ID settings and the unverified WebRTC
 * phone keys, and the writes. Not API: only {@code dev.e911.genesys} is.
 */
package dev.e911.genesys.internal;
