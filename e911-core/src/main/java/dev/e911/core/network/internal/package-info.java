/**
 * Allocation-free longest-prefix-match structures for the emergency-call hot path: IPv4 and IPv6
 * subnet tables and a Wi-Fi BSSID table, all keyed by primitives and built once per configuration
 * snapshot. Internal: the public {@code NetworkLocator} wraps them.
 */
package dev.e911.core.network.internal;
