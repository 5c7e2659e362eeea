package dev.perfgate.core.jfr;

import java.util.Objects;

/**
 * Bytes allocated for instances of one class.
 *
 * @param className the class in Java source form: {@code java.lang.String}, {@code byte[]},
 *                  {@code java.lang.Object[][]}; nested classes keep their {@code $}
 * @param bytes     bytes allocated, at least 0
 * @param share     {@code bytes} as a fraction of {@link AllocationSummary#totalBytes()}, in [0, 1]
 */
public record AllocatingClass(String className, long bytes, double share) {

    public AllocatingClass {
        Objects.requireNonNull(className, "className");
        Checks.nonNegative(bytes, "bytes");
        Checks.fraction(share, "share");
    }
}
