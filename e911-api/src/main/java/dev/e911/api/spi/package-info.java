/**
 * The service-provider interfaces: {@link dev.e911.api.spi.CarrierAdapter} and
 * {@link dev.e911.api.spi.CarrierProvider} (a carrier's 911 database),
 * {@link dev.e911.api.spi.PlatformAdapter} (the contact-center platform),
 * {@link dev.e911.api.spi.LocationStore} (durable state and outbox) and
 * {@link dev.e911.api.spi.EmergencyNotifier} (Kari's Law notifications), with their sealed result
 * types. Remote problems are values, never exceptions; credentials are {@link dev.e911.api.spi.Secret}s.
 */
package dev.e911.api.spi;
