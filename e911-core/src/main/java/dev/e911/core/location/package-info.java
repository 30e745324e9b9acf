/**
 * The location engine: {@link dev.e911.core.location.LocationService} turns network observations and
 * agents' confirmations into verified (or not) location claims by one documented state machine and
 * precedence ladder ({@code docs/locations.md}), with history, events and an outbox for carrier
 * provisioning and platform assignment.
 */
package dev.e911.core.location;
