package dev.perfgate.core.baseline;

import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.PlatformKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The reviewed baselines of one platform, {@code baselines/<platform>.json}: one {@link Baseline}
 * (entry set) per host class, because hosts that differ in instruction set, vector width, cores or
 * JDK cannot be held to each other's scores. {@code check} compares with the set of the host's
 * class; {@code approve} adds or updates that set only.
 *
 * @param version  schema version of the file
 * @param platform platform key; every set's platform
 * @param sets     the entry sets: at most one per host class and at most one of unknown class,
 *                 sorted by host class label (the set of unknown class first)
 */
public record BaselineFile(int version, PlatformKey platform, List<Baseline> sets) {

    /** The schema version this perfgate writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 2;

    public BaselineFile {
        Objects.requireNonNull(platform, "platform");
        sets = sets.stream().sorted(Comparator.comparing(BaselineFile::sortKey)).toList();
        List<HostClass> seen = new ArrayList<>();
        for (Baseline set : sets) {
            if (!set.platform().equals(platform)) {
                throw new IllegalArgumentException("a set of " + set.platform() + " in the baselines of " + platform);
            }
            HostClass hostClass = set.host() == null ? null : set.host().hostClass();
            if (seen.contains(hostClass)) {
                throw new IllegalArgumentException("two entry sets for " + set.hostLabel());
            }
            seen.add(hostClass);
        }
    }

    private static String sortKey(Baseline set) {
        return set.host() == null ? "" : "1" + set.host().hostClass().label() + set.host().hostClass().isa();
    }

    /** A file holding one set. */
    public static BaselineFile of(Baseline set) {
        return new BaselineFile(SCHEMA_VERSION, set.platform(), List.of(set));
    }

    /** The set of a host's class. */
    public Optional<Baseline> forHost(HostIdentity host) {
        return sets.stream().filter(s -> s.isFor(host)).findFirst();
    }

    /** The set whose host class is unknown (from a file written before host classes), if any. */
    public Optional<Baseline> unknownClass() {
        return sets.stream().filter(s -> s.host() == null).findFirst();
    }

    /**
     * The set to compare with when none is of the host's class, for advisory verdicts: the one whose
     * class differs from the host's in the fewest respects (a set of unknown class last), then the
     * most recently approved.
     */
    public Optional<Baseline> closestTo(HostIdentity host) {
        return sets.stream().min(Comparator.<Baseline>comparingInt(s -> s.host() == null || host == null
                        ? Integer.MAX_VALUE : host.hostClass().differencesFrom(s.host().hostClass(), "").size())
                .thenComparing(Baseline::timestamp, Comparator.reverseOrder()));
    }

    /** The most recently approved set, e.g. to show a baseline where no host class is given. */
    public Optional<Baseline> latest() {
        return sets.stream().max(Comparator.comparing(Baseline::timestamp));
    }

    /** This file with {@code set} in place of the set of the same host class (or added). */
    public BaselineFile with(Baseline set) {
        List<Baseline> out = new ArrayList<>();
        for (Baseline s : sets) {
            if (!s.sameClassAs(set)) {
                out.add(s);
            }
        }
        out.add(set);
        return new BaselineFile(SCHEMA_VERSION, platform, out);
    }
}
