/**
 * Bean Validation of e911 values and configuration through one entry point,
 * {@link dev.e911.core.validation.DomainValidation}, returning typed violations.
 */
package dev.e911.core.validation;
