/**
 * The availability hard stop: {@link dev.e911.core.gate.AvailabilityGate} decides whether an agent
 * may go Available, with a reason code and a message when not.
 */
package dev.e911.core.gate;
