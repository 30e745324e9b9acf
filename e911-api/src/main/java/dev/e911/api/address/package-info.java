/**
 * Civic addresses in RFC 5139 / NENA CLDXF terms, the WGS 84 point, and what makes an address a
 * dispatchable location ({@link dev.e911.api.address.DispatchableAddress#dispatchability()}).
 */
package dev.e911.api.address;
