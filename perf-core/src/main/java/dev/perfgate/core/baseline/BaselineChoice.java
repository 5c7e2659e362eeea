package dev.perfgate.core.baseline;

import dev.perfgate.core.model.Fingerprint;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;
import dev.perfgate.core.platform.HostFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which entry set of a baseline file a run is compared with, and whether its verdicts count.
 * The set of the run's host class makes them count; without one, the closest set gives advisory
 * verdicts, and the reason names what differs ("avx512f here, not in the baseline"): different
 * hardware is not a regression.
 *
 * <pre>{@code
 * BaselineChoice choice = BaselineChoice.of(file, hosts);
 * GateReport report = gate.compare(choice.set().asResults(), results, ...)
 *         .withContext(platform, choice.notes(), strict ? "" : choice.advisoryReason());
 * }</pre>
 *
 * @param set            the entry set to compare with
 * @param advisoryReason why verdicts against it are only advice; empty when the set is of the run's class
 * @param notes          what else differs between the set's host and the run's (JDK build, JVM flags,
 *                       probes that moved, fingerprint)
 */
public record BaselineChoice(Baseline set, String advisoryReason, List<String> notes) {

    public BaselineChoice {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(advisoryReason, "advisoryReason");
        notes = List.copyOf(notes);
    }

    /**
     * The choice when a platform has no baseline file at all: an empty set, so that every benchmark
     * is reported as new, and a reason saying how to make one.
     *
     * @param file the missing file, as the user knows it, e.g. {@code baselines/linux-aarch64.json}
     */
    public static BaselineChoice none(PlatformKey platform, String file) {
        return new BaselineChoice(new Baseline(platform, null, new Fingerprint("", 0, "", "", List.of(), "", ""),
                Instant.EPOCH, List.of()), "no baseline for " + platform + " yet (" + file + " does not exist), so "
                + "every benchmark is new; record one on this platform's machines (perf-gate approve, or the "
                + "record-baseline workflow on CI runners)", List.of());
    }

    /**
     * Chooses.
     *
     * @param file  the platform's baselines, with at least one set
     * @param hosts where the results were measured: one entry, or one per shard
     */
    public static BaselineChoice of(BaselineFile file, List<HostFile.Entry> hosts) {
        if (file.sets().isEmpty() || hosts.isEmpty()) {
            throw new IllegalArgumentException("need a set and a host");
        }
        HostFile.Entry first = hosts.get(0);
        HostIdentity host = first.host();
        Map<HostClass, List<String>> classes = new LinkedHashMap<>();
        hosts.forEach(h -> classes.computeIfAbsent(h.host().hostClass(), c -> new ArrayList<>()).add(h.results()));
        if (classes.size() > 1) {
            Baseline closest = file.closestTo(host).orElseThrow();
            String reason = "the results come from hosts of " + classes.size() + " different classes ("
                    + classes.entrySet().stream().map(e -> e.getKey().label() + ": " + String.join(", ", e.getValue()))
                    .collect(Collectors.joining("; ")) + "), and one baseline holds only for one class; "
                    + "compared with " + closest.hostLabel();
            return new BaselineChoice(closest, reason, first.fingerprint().differencesFrom(closest.fingerprint()));
        }
        return file.forHost(host).map(set -> {
            List<String> notes = new ArrayList<>(first.fingerprint().differencesFrom(set.fingerprint()));
            notes.addAll(host.detailsDifferingFrom(set.host()));
            return new BaselineChoice(set, "", notes);
        }).orElseGet(() -> {
            Baseline closest = file.closestTo(host).orElseThrow();
            String differences = closest.host() == null ? ""
                    : ": " + String.join("; ", host.hostClass().differencesFrom(closest.host().hostClass(), "the baseline"));
            String reason = "no baseline for this host class (" + host.hostClass().label() + "); the file has "
                    + file.sets().size() + " (" + file.sets().stream().map(Baseline::hostLabel)
                    .collect(Collectors.joining("; ")) + "). Compared with " + closest.hostLabel() + differences
                    + ". Approve a baseline on this host class, or compare base and head on one machine with "
                    + "perf-gate ab";
            List<String> notes = new ArrayList<>(first.fingerprint().differencesFrom(closest.fingerprint()));
            if (closest.host() != null && closest.host().speed() != null && host.speed() != null) {
                notes.addAll(host.speed().movedFrom(closest.host().speed(), "the baseline's host"));
            }
            return new BaselineChoice(closest, reason, notes);
        });
    }
}
