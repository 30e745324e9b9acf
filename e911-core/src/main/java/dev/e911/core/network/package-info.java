/**
 * Network detection: the prefixes and BSSID patterns a network map is written in, and (as it lands)
 * the {@code NetworkLocator} that maps an observation to known locations.
 */
package dev.e911.core.network;
