package dev.perfgate.core.baseline;

import dev.perfgate.core.InputException;
import dev.perfgate.core.files.SafeFiles;
import dev.perfgate.core.model.PlatformKey;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The baselines of a project: {@code <projectDir>/baselines/<platform>.json}, read and written
 * through {@link BaselineCodec}. Writes are atomic, and {@link #update} serializes concurrent
 * approvals with a file lock.
 */
public final class BaselineStore {

    private final Path projectDir;
    private final BaselineCodec codec = new BaselineCodec();

    /** @param projectDir the directory holding {@code baselines/} */
    public BaselineStore(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** {@code <projectDir>/baselines/<platform>.json}. */
    public Path path(PlatformKey platform) {
        return projectDir.resolve("baselines").resolve(platform + ".json");
    }

    /** The baselines of a platform, or empty when there is no file yet. */
    public Optional<BaselineFile> read(PlatformKey platform) throws InputException {
        Path file = path(platform);
        Optional<String> text = readText(file);
        return text.isEmpty() ? Optional.empty() : Optional.of(parse(file, platform, text.get()));
    }

    /** A file's text, or empty when it does not exist. */
    static Optional<String> readText(Path file) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), null, "is a directory, expected a baseline file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new InputException(file.toString(), null, "is not valid UTF-8 text");
        } catch (AccessDeniedException e) {
            throw new InputException(file.toString(), null, "permission denied");
        } catch (IOException e) {
            throw new InputException(file.toString(), null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file's text before and after an update. */
    public record Change(String before, String after, BaselineFile baseline) {
        /** Whether the update changed the file. */
        public boolean changed() {
            return !before.equals(after);
        }
    }

    /** Computes the new baselines from the current ones (empty when there is no file). */
    @FunctionalInterface
    public interface Updater {
        /** The new baselines. */
        BaselineFile apply(Optional<BaselineFile> current) throws InputException;
    }

    /**
     * Reads, updates and (unless {@code dryRun}) atomically writes a platform's baseline, holding
     * the file lock throughout so that concurrent approvals are serialized. A dry run touches no
     * file, not even the lock.
     *
     * @return the file text before (empty for a new file) and after
     */
    public Change update(PlatformKey platform, Updater updater, boolean dryRun) throws InputException, IOException {
        Path file = path(platform);
        if (dryRun) {
            return compute(file, platform, updater);
        }
        return SafeFiles.withLock(file, () -> {
            Change change = compute(file, platform, updater);
            SafeFiles.removeStaleTemporaries(file);
            SafeFiles.writeAtomically(file, change.after());
            return change;
        });
    }

    private BaselineFile parse(Path file, PlatformKey platform, String text) throws InputException {
        BaselineFile baseline = codec.read(file.toString(), text);
        if (!baseline.platform().equals(platform)) {
            throw new InputException(file.toString(), "$.platform", "says " + baseline.platform()
                    + " but the file holds the baseline of " + platform);
        }
        return baseline;
    }

    private Change compute(Path file, PlatformKey platform, Updater updater) throws InputException {
        Optional<String> before = readText(file);
        Optional<BaselineFile> current = before.isEmpty() ? Optional.empty()
                : Optional.of(parse(file, platform, before.get()));
        BaselineFile updated = updater.apply(current);
        return new Change(before.orElse(""), codec.write(updated), updated);
    }
}
