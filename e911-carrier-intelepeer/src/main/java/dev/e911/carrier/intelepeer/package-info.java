/**
 * IntelePeer carrier adapter: E911 number management for DIDs and ELINs. Public API:
 * {@link dev.e911.carrier.intelepeer.IntelePeerCarrierProvider} ({@code intelepeer}),
 * {@link dev.e911.carrier.intelepeer.IntelePeerCarrier}, {@link dev.e911.carrier.intelepeer.IntelePeerSettings}
 * and {@link dev.e911.carrier.intelepeer.IntelePeerContract}. Everything IntelePeer has not published sits
 * behind the internal port and one mapping class.
 */
package dev.e911.carrier.intelepeer;
