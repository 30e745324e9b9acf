/**
 * IntelePeer adapter internals, not API: the {@link dev.e911.carrier.intelepeer.internal.IntelePeerE911Port}
 * that hides every unverified detail of IntelePeer's E911 API, its two gateways (the documented v3
 * number-management endpoints and the ASSUMED contract of the carrier reference, section 8), the one
 * mapping class for addresses and numbers, and the session that authenticates, rate-limits and types
 * failures.
 */
package dev.e911.carrier.intelepeer.internal;
