/**
 * The e911 engine: JSON mapping of the domain model, validation, and (as it lands) the location
 * engine, availability gate, emergency router, PIDF-LO and dial plan.
 */
package dev.e911.core;
