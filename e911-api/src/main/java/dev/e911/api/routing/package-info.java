/**
 * Emergency routing: the dial-plan rules with their classification and callback policy, and the
 * hot-path answer {@link dev.e911.api.routing.EmergencyRoute}.
 */
package dev.e911.api.routing;
