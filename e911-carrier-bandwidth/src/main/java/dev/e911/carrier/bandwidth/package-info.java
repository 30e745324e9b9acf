/**
 * Bandwidth carrier adapter: {@link dev.e911.carrier.bandwidth.BandwidthCarrierProvider} ({@code bandwidth})
 * builds a {@link dev.e911.carrier.bandwidth.BandwidthCarrier} from a
 * {@link dev.e911.carrier.bandwidth.BandwidthConfig}: address validation (geocodeRequest, or ES address
 * records), conventional TN E911 and Dynamic Location Routing endpoints through Dashboard {@code e911s}
 * orders, or endpoints through the Emergency Services Provisioning API, removal, read-back and the
 * emergency-call webhook. Everything else is internal ({@code .internal}); the Bandwidth field mapping
 * and the list of what Bandwidth has not published live in {@code internal.BandwidthAddressMapping} and
 * {@code docs/carriers-bandwidth.md}.
 */
package dev.e911.carrier.bandwidth;
