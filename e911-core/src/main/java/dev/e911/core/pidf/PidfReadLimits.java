package dev.e911.core.pidf;

/**
 * Upper bounds applied to every PIDF-LO document before and while it is parsed, so a hostile or
 * broken document costs bounded memory and time. A real PIDF-LO is 1–3 KB with a nesting depth
 * around ten; {@link #defaults()} is generous against that (64 KiB, depth 32). All values must be
 * positive; exceeding one raises {@link PidfReadException} with the matching reason.
 *
 * @param maxBytes largest accepted input, in bytes
 * @param maxDepth deepest element nesting (the root element is depth 1)
 * @param maxElements most elements in one document
 * @param maxAttributes most attributes plus namespace declarations on one element
 * @param maxAttributeLength longest attribute value or namespace URI, in UTF-16 chars
 * @param maxTextLength longest run of character data, comment or processing-instruction data, in UTF-16 chars
 */
public record PidfReadLimits(
        int maxBytes, int maxDepth, int maxElements, int maxAttributes, int maxAttributeLength, int maxTextLength) {

    private static final PidfReadLimits DEFAULTS = new PidfReadLimits(64 * 1024, 32, 2048, 32, 2048, 16 * 1024);

    /** Validates that every limit is positive. */
    public PidfReadLimits {
        requirePositive("maxBytes", maxBytes);
        requirePositive("maxDepth", maxDepth);
        requirePositive("maxElements", maxElements);
        requirePositive("maxAttributes", maxAttributes);
        requirePositive("maxAttributeLength", maxAttributeLength);
        requirePositive("maxTextLength", maxTextLength);
    }

    /** 64 KiB, depth 32, 2048 elements, 32 attributes per element, 2048-char attributes, 16 KiB text runs. */
    public static PidfReadLimits defaults() {
        return DEFAULTS;
    }

    /** These limits with another maximum input size. */
    public PidfReadLimits withMaxBytes(int newMaxBytes) {
        return new PidfReadLimits(newMaxBytes, maxDepth, maxElements, maxAttributes, maxAttributeLength, maxTextLength);
    }

    /** These limits with another maximum nesting depth. */
    public PidfReadLimits withMaxDepth(int newMaxDepth) {
        return new PidfReadLimits(maxBytes, newMaxDepth, maxElements, maxAttributes, maxAttributeLength, maxTextLength);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
