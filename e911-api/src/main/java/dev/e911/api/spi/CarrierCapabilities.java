package dev.e911.api.spi;

/**
 * What a carrier supports, as data: the library and the audit read it instead of calling operations
 * that would only answer "unsupported". {@code manualProvisioning} marks carriers without an API,
 * whose bindings an administrator enters in the carrier's portal.
 */
public record CarrierCapabilities(
    boolean addressValidation,
    boolean suggestsCorrections,
    boolean numberBinding,
    boolean dynamicEndpoints,
    boolean pidfLoByValue,
    boolean locationByReference,
    boolean testCall933,
    boolean notificationWebhook,
    boolean readBack,
    boolean asynchronousOrders,
    boolean manualProvisioning) {}
