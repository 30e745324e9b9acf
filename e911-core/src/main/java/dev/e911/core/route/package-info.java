/**
 * The emergency-call hot path: {@link dev.e911.core.route.EmergencyRouter} (classification, callback
 * number, location, PIDF-LO and SIP headers for every dialled number; never throws) and the site ELIN
 * pools with their PSAP callback windows.
 */
package dev.e911.core.route;
