/**
 * Bandwidth carrier adapter: address validation (geocode) and E911 provisioning through the Dashboard E911 orders, Dynamic Location Routing endpoints and the Emergency Services Provisioning API.
 */
package dev.e911.carrier.bandwidth;
