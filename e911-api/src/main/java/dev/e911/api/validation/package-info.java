/**
 * Typed validation results shared by the whole library: a {@link dev.e911.api.validation.Violation}
 * names the field path and the rule; values refuse to be built in an invalid state and report every
 * violation at once in an {@link dev.e911.api.validation.InvalidValueException}.
 */
package dev.e911.api.validation;
