package dev.perfgate.analyzer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks that a jar holds the JavaFX natives of a platform, built for its processor: every native
 * library JavaFX loads there, each an ELF, Mach-O or PE file of the right architecture, and the
 * windowing classes of that operating system. Used on the analyzer jar a build makes
 * ({@code PlatformJarIT}), on OpenJFX's own jars of every platform ({@code PlatformNativesTest}), and
 * by the release workflow on each platform's jar, as a program run from its source:
 *
 * <pre>
 * java perf-analyzer-fx/src/test/java/dev/perfgate/analyzer/PlatformNatives.java JAR PLATFORM
 * </pre>
 *
 * <p>PLATFORM is one of {@link #PLATFORMS}'s keys: {@code linux-x86_64}, {@code linux-aarch64},
 * {@code macos-x86_64}, {@code macos-aarch64}, {@code windows-x86_64}.
 */
public final class PlatformNatives {

    private static final List<String> LINUX = List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so",
            "libprism_sw.so", "libprism_common.so", "libjavafx_font.so", "libjavafx_font_freetype.so",
            "libjavafx_font_pango.so", "libjavafx_iio.so", "libdecora_sse.so");
    private static final List<String> MACOS = List.of("libglass.dylib", "libprism_es2.dylib", "libprism_sw.dylib",
            "libprism_common.dylib", "libjavafx_font.dylib", "libjavafx_iio.dylib", "libdecora_sse.dylib");
    private static final List<String> WINDOWS = List.of("glass.dll", "prism_d3d.dll", "prism_sw.dll",
            "prism_common.dll", "javafx_font.dll", "javafx_iio.dll", "decora_sse.dll");

    /**
     * A platform the analyzer is released for.
     *
     * @param classifier  OpenJFX's name for it ({@code -Djavafx.platform})
     * @param natives     the native libraries JavaFX loads there
     * @param windowClass the class of its windowing toolkit
     * @param arch        the processor, as {@link #architecture} names it
     */
    public record Platform(String classifier, List<String> natives, String windowClass, String arch) {
    }

    /** Every platform promised, by the name its jar carries. */
    public static final Map<String, Platform> PLATFORMS = Map.of(
            "linux-x86_64", new Platform("linux", LINUX, "com/sun/glass/ui/gtk/GtkApplication.class", "x86_64"),
            "linux-aarch64", new Platform("linux-aarch64", LINUX, "com/sun/glass/ui/gtk/GtkApplication.class",
                    "aarch64"),
            "macos-x86_64", new Platform("mac", MACOS, "com/sun/glass/ui/mac/MacApplication.class", "x86_64"),
            "macos-aarch64", new Platform("mac-aarch64", MACOS, "com/sun/glass/ui/mac/MacApplication.class",
                    "aarch64"),
            "windows-x86_64", new Platform("win", WINDOWS, "com/sun/glass/ui/win/WinApplication.class", "x86_64"));

    private PlatformNatives() {
    }

    /** What is wrong with the jar for the platform; empty when it holds everything. */
    public static List<String> problems(Path jar, String platformName) throws IOException {
        Platform platform = PLATFORMS.get(platformName);
        if (platform == null) {
            return List.of("unknown platform " + platformName + ", expected one of " + PLATFORMS.keySet());
        }
        List<String> problems = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry(platform.windowClass()) == null) {
                problems.add(jar + ": no " + platform.windowClass());
            }
            for (String name : platform.natives()) {
                ZipEntry entry = zip.getEntry(name);
                if (entry == null) {
                    problems.add(jar + ": no " + name);
                    continue;
                }
                byte[] head;
                try (InputStream in = zip.getInputStream(entry)) {
                    head = in.readNBytes(4096);
                }
                String arch = architecture(head);
                if (!arch.contains(platform.arch())) {
                    problems.add(jar + ": " + name + " is built for " + arch + ", not " + platform.arch());
                }
            }
        }
        return problems;
    }

    /**
     * The processor(s) a native library is built for, from its first bytes: {@code x86_64},
     * {@code aarch64} (several, comma-separated, for a universal Mach-O file), or a description of
     * what it is not.
     */
    static String architecture(byte[] head) {
        ByteBuffer le = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        if (head.length >= 20 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            return switch (le.getShort(18)) {
                case 62 -> "x86_64";
                case 183 -> "aarch64";
                default -> "ELF machine " + le.getShort(18);
            };
        }
        if (head.length >= 8 && le.getInt(0) == 0xFEEDFACF) {
            return machO(le.getInt(4));
        }
        if (head.length >= 8 && ByteBuffer.wrap(head).getInt(0) == 0xCAFEBABE) {
            ByteBuffer be = ByteBuffer.wrap(head);
            int count = be.getInt(4);
            List<String> archs = new ArrayList<>();
            for (int i = 0; i < count && 8 + 20 * i + 4 <= head.length; i++) {
                archs.add(machO(be.getInt(8 + 20 * i)));
            }
            return String.join(",", archs);
        }
        if (head.length >= 0x40 && head[0] == 'M' && head[1] == 'Z') {
            int pe = le.getInt(0x3C);
            if (pe > 0 && pe + 6 <= head.length && head[pe] == 'P' && head[pe + 1] == 'E') {
                return switch (le.getShort(pe + 4) & 0xFFFF) {
                    case 0x8664 -> "x86_64";
                    case 0xAA64 -> "aarch64";
                    default -> "PE machine " + Integer.toHexString(le.getShort(pe + 4) & 0xFFFF);
                };
            }
        }
        return "not a native library";
    }

    private static String machO(int cpuType) {
        return switch (cpuType) {
            case 0x01000007 -> "x86_64";
            case 0x0100000C -> "aarch64";
            default -> "Mach-O cpu " + Integer.toHexString(cpuType);
        };
    }

    /** Checks a jar; exit 0 when it holds the platform's natives, 1 with the problems otherwise. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java PlatformNatives.java JAR PLATFORM (" + PLATFORMS.keySet() + ")");
            System.exit(2);
        }
        List<String> problems = problems(Path.of(args[0]), args[1]);
        problems.forEach(System.err::println);
        if (!problems.isEmpty()) {
            System.exit(1);
        }
        System.out.println(args[0] + ": the JavaFX natives of " + args[1] + " are all there");
    }
}
