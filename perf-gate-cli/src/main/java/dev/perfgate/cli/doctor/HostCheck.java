package dev.perfgate.cli.doctor;

import dev.perfgate.core.InputException;
import dev.perfgate.core.baseline.Baseline;
import dev.perfgate.core.baseline.BaselineChoice;
import dev.perfgate.core.baseline.BaselineFile;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.platform.HostFile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The check {@code host}: what perf-gate records as this host (its host class, measured the way
 * {@code run} measures it) and whether {@code baselines/<platform>.json} has an entry set of that
 * class. Without one, {@code check}'s verdicts here are advisory (exit 0 unless {@code --strict}),
 * for the reason {@link BaselineChoice} gives, which is the one {@code check} prints.
 */
public final class HostCheck {

    private HostCheck() {
    }

    /**
     * @param here      this host, for the benchmark JVM
     * @param file      the baseline file as the user knows it, e.g. {@code baselines/linux-x86_64.json}
     * @param baselines its content; empty when it does not exist
     */
    public static Finding of(HostFile.Entry here, String file, Optional<BaselineFile> baselines) {
        HostIdentity host = here.host();
        Map<String, Object> details = details(host);
        String self = "this host: " + host.hostClass().label() + (host.jdkBuild().isEmpty() ? ""
                : " (JDK build " + host.jdkBuild() + ")");
        if (baselines.isEmpty() || baselines.get().sets().isEmpty()) {
            details.put("baseline_set", null);
            return new Finding("host", Status.WARN, self + "; " + file + " does not exist, so check has nothing to "
                    + "compare with", "record a baseline on this platform's machines (perf-gate approve --reason ...)",
                    details);
        }
        BaselineChoice choice = BaselineChoice.of(baselines.get(), List.of(here));
        Baseline set = choice.set();
        details.put("baseline_set", set.hostLabel());
        details.put("advisory", !choice.advisoryReason().isEmpty());
        details.put("notes", choice.notes());
        String notes = choice.notes().isEmpty() ? "" : " (" + String.join("; ", choice.notes()) + ")";
        if (choice.advisoryReason().isEmpty()) {
            return new Finding("host", Status.OK, self + "; " + file + " has a set of this class: check's verdicts "
                    + "count" + notes, "", details);
        }
        return new Finding("host", Status.WARN, self + "; check's verdicts here are advisory (exit 0 unless --strict): "
                + choice.advisoryReason() + notes, "", details);
    }

    /** The finding when the baseline file cannot be read: {@code check} would stop on it with exit code 2. */
    public static Finding unreadable(HostFile.Entry here, InputException problem) {
        return new Finding("host", Status.FAIL, "this host: " + here.host().hostClass().label() + "; the baseline "
                + "file is broken: " + problem.getMessage(), "fix or restore the file (git checkout it); "
                + "check stops on it with exit code 2", details(here.host()));
    }

    private static Map<String, Object> details(HostIdentity host) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host_class", host.hostClass().label());
        details.put("isa", host.hostClass().isa());
        details.put("vector_bits", host.hostClass().vectorBits());
        details.put("cores", host.hostClass().cores());
        details.put("jdk_build", host.jdkBuild());
        return details;
    }
}
