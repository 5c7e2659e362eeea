package dev.perfgate.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files that seal perfgate's file formats: {@code src/test/resources/golden/<name>}.
 *
 * <p>On a mismatch the actual output is written to {@code target/golden-actual/<name>} so that an
 * intended format change can be reviewed with a diff and copied over the golden file by hand.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /** The golden file's bytes as UTF-8 text. */
    public static String read(String name) {
        return resource("golden", name);
    }

    /**
     * A file as a perfgate release wrote it, {@code src/test/resources/schema/<name>}: one per file
     * kind and schema version, never regenerated, so that every later perfgate is tested on it.
     */
    public static String schemaFixture(String name) {
        return resource("schema", name);
    }

    private static String resource(String dir, String name) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("/" + dir + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/" + dir + "/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless {@code actual} equals the golden file byte for byte. */
    public static void assertMatches(String name, String actual) {
        String expected = GoldenFiles.class.getResource("/golden/" + name) == null ? null : read(name);
        if (!actual.equals(expected)) {
            try {
                Path out = Path.of("target", "golden-actual", name);
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(actual).as("output compared with golden/%s (actual written to target/golden-actual/%s)",
                name, name).isEqualTo(expected);
        assertThat(actual.getBytes(StandardCharsets.UTF_8)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Runs an action with another default locale (all categories), restoring the old ones afterwards. */
    public static <T> T withLocale(Locale locale, Callable<T> action) throws Exception {
        Locale saved = Locale.getDefault();
        Locale savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        Locale savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(locale);
            return action.call();
        } finally {
            Locale.setDefault(saved);
            Locale.setDefault(Locale.Category.FORMAT, savedFormat);
            Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
        }
    }
}
