/**
 * What an agent's client sees of its network: IP addresses, Wi-Fi BSSID and LLDP switch port,
 * parsed from their literal forms without any DNS lookup, and the fingerprint derived from them.
 */
package dev.e911.api.network;
