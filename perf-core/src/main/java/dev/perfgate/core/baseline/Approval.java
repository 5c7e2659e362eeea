package dev.perfgate.core.baseline;

import java.time.Instant;
import java.util.Objects;

/**
 * Who approved a baseline value, when, why, and from which code.
 *
 * @param approvedAt when the approval was made; kept to whole seconds, as the files show it
 * @param approvedBy the approver, e.g. the {@code user.name} of the machine or {@code --approver}
 * @param reason     why the new value is right, non-blank (it is what a reviewer reads)
 * @param commit     commit the measured code was built from; empty when unknown
 * @param runId      id of the run whose results were approved; empty when unknown
 */
public record Approval(Instant approvedAt, String approvedBy, String reason, String commit, String runId) {

    public Approval {
        approvedAt = Objects.requireNonNull(approvedAt, "approvedAt").truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank");
        }
        commit = commit == null ? "" : commit;
        runId = runId == null ? "" : runId;
    }
}
