/**
 * The e911 contract: immutable, validated domain values (addresses, callback numbers, locations,
 * sites, rules, agents, network observations) and, in {@code dev.e911.api.spi}, the interfaces
 * that carriers, platforms, stores and notifiers implement. No I/O, no logging, no framework.
 */
package dev.e911.api;
