package dev.perfgate.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a history file as the analyzer indexes it: enough to list, label and plot it, and
 * where its line is, so that the full run (with per-fork samples) can be read later on demand.
 *
 * @param index     position among the indexed runs, 0 for the oldest line
 * @param runId     the run's id
 * @param timestamp when it ran
 * @param commit    its commit, may be empty
 * @param branch    its branch, may be empty
 * @param lineNo    1-based line number in the history file
 * @param offset    byte offset of the line's first byte, >= 0
 * @param length    length of the record in bytes, > 0
 */
public record RunInfo(int index, String runId, Instant timestamp, String commit, String branch, long lineNo,
                      long offset, int length) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(timestamp, "timestamp");
        commit = commit == null ? "" : commit;
        branch = branch == null ? "" : branch;
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and length > 0 but were " + offset + " and "
                    + length);
        }
    }

    /** The commit shortened to 10 characters, for labels. */
    public String shortCommit() {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }
}
