/**
 * A carrier adapter for carriers without a provisioning API (Lumen):
 * {@link dev.e911.carrier.manual.ManualCarrier} turns provisioning into a CSV worksheet for an
 * administrator and reads back their confirmations; providers {@code manual} and {@code lumen}.
 */
package dev.e911.carrier.manual;
