package dev.perfgate.core.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * File operations that a crash or a concurrent writer cannot corrupt.
 *
 * <ul>
 *   <li>{@link #writeAtomically}: the new content goes to a temporary file in the same directory,
 *       is forced to disk, then moved over the target in one atomic rename: readers and a crash
 *       see the old file or the new one, never a mix.</li>
 *   <li>{@link #withLock}: an exclusive OS file lock on a sibling {@code .lock} file, held for a
 *       read-modify-write, so that two processes (two CI jobs approving at once), or two threads of one
 *       process, take turns.</li>
 * </ul>
 */
public final class SafeFiles {

    /**
     * OS file locks are held per JVM, not per thread: a second thread of the same JVM asking for
     * the lock gets an OverlappingFileLockException instead of waiting. Threads of one JVM
     * therefore first take turns on this in-process lock of the same file. It is the one piece of
     * static state the library has, because the OS lock it stands beside is JVM-wide too.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private SafeFiles() {
    }

    /** An action on files that may fail with an I/O error or a domain exception. */
    @FunctionalInterface
    public interface LockedAction<T, E extends Exception> {
        /** Runs while the lock is held. */
        T run() throws IOException, E;
    }

    /** Writes UTF-8 text atomically; creates parent directories. */
    public static void writeAtomically(Path target, String text) throws IOException {
        writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes atomically; creates parent directories.
     *
     * @throws IOException with a message naming {@code target} and the reason when it cannot be written
     */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        writeAtomically(target, out -> out.write(content));
    }

    /** Content written to a stream, for files too large to build in memory first. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content; the stream is buffered, and closed by the caller. */
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes streamed content atomically, as {@link #writeAtomically(Path, byte[])} does: if
     * {@code content} fails, the target is untouched and the temporary file is removed.
     *
     * @throws IOException with a message naming {@code target} and the reason when it cannot be written
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        try {
            replace(target, content);
        } catch (java.nio.file.FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file is in the way of a directory"
                    : e.getClass().getSimpleName();
            throw new IOException("cannot write " + target + ": " + reason, e);
        }
    }

    private static void replace(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            keepPermissions(absolute, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.io.OutputStream out = new java.io.BufferedOutputStream(
                        java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes the temporary files {@link #writeAtomically} left beside {@code target} when its
     * process was killed before the rename. Only for a target every writer of which holds
     * {@link #withLock} while writing, and only while holding it: then no such file is in use.
     */
    public static void removeStaleTemporaries(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        String prefix = "." + absolute.getFileName() + ".";
        try (java.util.stream.Stream<Path> siblings = Files.list(absolute.getParent())) {
            for (Path p : (Iterable<Path>) siblings::iterator) {
                String name = p.getFileName().toString();
                if (name.startsWith(prefix) && name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Gives the temporary file the permissions of the file it replaces, or rw-r--r-- for a new
     * file: createTempFile makes it owner-only, which a shared baseline or report must not become.
     */
    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    /**
     * Runs an action while holding an exclusive lock on {@code <target>.lock} (created if needed,
     * left in place afterwards: deleting it would let a waiting process lock a file nobody else sees).
     * Blocks until the lock is free.
     */
    public static <T, E extends Exception> T withLock(Path target, LockedAction<T, E> action) throws IOException, E {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path lockFile = absolute.resolveSibling("." + absolute.getFileName() + ".lock").normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        local.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.run();
        } finally {
            local.unlock();
        }
    }
}
