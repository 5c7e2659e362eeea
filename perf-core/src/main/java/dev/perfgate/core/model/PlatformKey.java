package dev.perfgate.core.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The key under which baselines and history are kept: {@code <os>-<arch>}, with os one of
 * {@code linux}, {@code macos}, {@code windows} and arch one of {@code x86_64}, {@code aarch64}.
 * Because both parts come from a closed set, a key can never name a path outside
 * {@code baselines/} or {@code history/}.
 *
 * @param os   operating system family
 * @param arch processor architecture
 */
public record PlatformKey(String os, String arch) {

    /** Accepted operating systems. */
    public static final Set<String> OPERATING_SYSTEMS = Set.of("linux", "macos", "windows");
    /** Accepted architectures. */
    public static final Set<String> ARCHITECTURES = Set.of("x86_64", "aarch64");

    public PlatformKey {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        if (!OPERATING_SYSTEMS.contains(os)) {
            throw new IllegalArgumentException("os must be one of linux, macos, windows but was '" + os + "'");
        }
        if (!ARCHITECTURES.contains(arch)) {
            throw new IllegalArgumentException("arch must be one of x86_64, aarch64 but was '" + arch + "'");
        }
    }

    /**
     * Parses {@code "linux-x86_64"}.
     *
     * @throws IllegalArgumentException naming the accepted values when the text is not a valid key
     */
    public static PlatformKey parse(String text) {
        int dash = text == null ? -1 : text.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("platform key must look like <os>-<arch> with os one of linux, macos, "
                    + "windows and arch one of x86_64, aarch64 (e.g. linux-x86_64), but was '" + text + "'");
        }
        return new PlatformKey(text.substring(0, dash), text.substring(dash + 1));
    }

    /**
     * The key of a JVM's {@code os.name} and {@code os.arch} system properties.
     *
     * @throws IllegalArgumentException for an operating system or architecture perfgate does not know
     */
    public static PlatformKey fromSystem(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux") ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin") ? "macos"
                : name.startsWith("windows") ? "windows" : name;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch;
        };
        return new PlatformKey(os, arch);
    }

    @Override
    public String toString() {
        return os + "-" + arch;
    }
}
