/**
 * Telephone numbers: {@link dev.e911.api.phone.E164Number} for any valid number and
 * {@link dev.e911.api.phone.Elin} for the callback numbers a PSAP can dial back. Parsing goes
 * through libphonenumber and accepts human, E.164, {@code tel:} and {@code sip:} forms.
 */
package dev.e911.api.phone;
