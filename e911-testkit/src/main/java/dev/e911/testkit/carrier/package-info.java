/**
 * The carrier conformance kit: {@link dev.e911.testkit.carrier.CarrierFake} (the fake carrier a
 * conformance run drives) and the abstract contract test every {@code CarrierAdapter} must pass.
 */
package dev.e911.testkit.carrier;
