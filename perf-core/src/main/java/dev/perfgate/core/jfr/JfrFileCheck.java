package dev.perfgate.core.jfr;

import dev.perfgate.core.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a file's chunk structure before the JDK parses it. A JFR file is a sequence of chunks,
 * each starting with the magic bytes {@code FLR\0}, a version and its own size in bytes. The JDK's
 * parser reports a wrong or truncated file with messages such as "Not a complete Chunk header"
 * or even an {@code ArrayIndexOutOfBoundsException}; this check says plainly what is wrong.
 */
final class JfrFileCheck {

    private static final byte[] MAGIC = {'F', 'L', 'R', 0};
    /** Magic (4), major and minor version (2 + 2), chunk size (8). */
    private static final int HEADER_PREFIX = 16;

    private JfrFileCheck() {
    }

    /** Throws an {@link InputException} unless {@code file} is a readable, complete JFR file. */
    static void check(Path file, String source) throws InputException {
        if (Files.isDirectory(file)) {
            throw new InputException(source, null, "is a directory, expected a JDK Flight Recorder file (.jfr)");
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            checkChunks(channel, channel.size(), source);
        } catch (NoSuchFileException e) {
            throw new InputException(source, null, "no such file");
        } catch (AccessDeniedException e) {
            throw new InputException(source, null, "permission denied");
        } catch (IOException e) {
            throw new InputException(source, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkChunks(SeekableByteChannel channel, long size, String source)
            throws IOException, InputException {
        if (size == 0) {
            throw new InputException(source, null, "is empty, expected a JDK Flight Recorder file (.jfr)");
        }
        long offset = 0;
        int chunk = 0;
        while (offset < size) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_PREFIX);
            channel.position(offset);
            while (header.hasRemaining() && channel.read(header) > 0) {
                // read until the prefix is complete or the file ends
            }
            int got = header.position();
            if (!startsWithMagic(header, got)) {
                throw new InputException(source, null, chunk == 0
                        ? "is not a JDK Flight Recorder file (it does not start with the bytes FLR\\0)"
                        : "is corrupt: chunk " + (chunk + 1) + " at byte " + offset + " does not start with FLR\\0");
            }
            if (got < HEADER_PREFIX) {
                throw truncated(source, chunk, offset, "its header is incomplete", size);
            }
            long chunkSize = header.getLong(8);
            if (chunkSize < HEADER_PREFIX) {
                throw new InputException(source, null, "is incomplete: chunk " + (chunk + 1) + " at byte " + offset
                        + " was not finished (size " + chunkSize + "); dump the recording after it has stopped");
            }
            if (chunkSize > size - offset) {
                throw truncated(source, chunk, offset, "it declares " + chunkSize + " bytes but only "
                        + (size - offset) + " remain", size);
            }
            offset += chunkSize;
            chunk++;
        }
    }

    private static boolean startsWithMagic(ByteBuffer header, int got) {
        for (int i = 0; i < MAGIC.length; i++) {
            // A file shorter than the magic is judged on the bytes it has.
            if (i < got && header.get(i) != MAGIC[i]) {
                return false;
            }
        }
        return got > 0;
    }

    private static InputException truncated(String source, int chunk, long offset, String why, long size) {
        return new InputException(source, null, "is truncated (" + size + " bytes): chunk " + (chunk + 1)
                + " at byte " + offset + " is cut short, " + why);
    }
}
