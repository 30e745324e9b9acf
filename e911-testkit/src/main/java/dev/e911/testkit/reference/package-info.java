/**
 * The in-memory reference carrier: {@link dev.e911.testkit.reference.ReferenceCarrier} (a complete
 * {@code CarrierAdapter}), the {@link dev.e911.testkit.reference.ReferenceDatabase} it talks to, its
 * {@code reference} provider and its {@link dev.e911.testkit.reference.ReferenceCarrierFake} for the
 * conformance kit and for your own tests.
 */
package dev.e911.testkit.reference;
