package dev.perfgate.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.core.InputException;
import dev.perfgate.core.model.HostClass;
import dev.perfgate.core.model.HostIdentity;
import dev.perfgate.core.model.HostSpeed;
import dev.perfgate.core.model.PlatformKey;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shape of a {@link HostIdentity}, shared by baselines, history lines and the host file
 * beside a results file:
 * <pre>
 * { "class": { "isa": ["avx", "avx2", ...], "vector_bits": 512, "cores": 2, "jdk": 17 },
 *   "label": "linux-x86_64, AVX-512, 512-bit vectors, 2 cores, JDK 17",
 *   "jdk_build": "17.0.15+6-Debian-1deb12u1", "vm_flags": { "MaxVectorSize": "64", ... },
 *   "caches": "L1d 48 KiB, L2 1 MiB, L3 32 MiB",
 *   "speed": { "read_l1": { "ns": 11.4, "spread": 0.0093 }, ... } }
 * </pre>
 * The platform is the enclosing file's; {@code label} is written for reviewers and ignored on read.
 */
public final class HostJson {

    private HostJson() {
    }

    /** The identity as an object with keys in a fixed order. */
    public static ObjectNode write(HostIdentity host) {
        ObjectNode node = ModelJson.object();
        node.set("class", writeClass(host.hostClass()));
        node.put("label", host.hostClass().label());
        node.put("jdk_build", host.jdkBuild());
        ObjectNode flags = node.putObject("vm_flags");
        host.vmFlags().forEach(flags::put);
        node.put("caches", host.caches());
        if (host.speed() != null) {
            ObjectNode speed = node.putObject("speed");
            host.speed().probes().forEach((name, probe) -> {
                ObjectNode p = speed.putObject(name);
                p.set("ns", ModelJson.number(probe.nanos()));
                p.set("spread", ModelJson.number(probe.spread()));
            });
        }
        return node;
    }

    /**
     * The identity as {@link #write} writes it, but without {@code label} and without the details
     * that are unknown (an empty JDK build, no JVM flags, no caches, no speed probe): a host reduced
     * to its class, as a compacted history run keeps it, is just {@code {"class":{...}}}. {@link #read}
     * reads either shape.
     */
    public static ObjectNode writeKnown(HostIdentity host) {
        ObjectNode node = write(host);
        node.remove("label");
        if (host.jdkBuild().isEmpty()) {
            node.remove("jdk_build");
        }
        if (host.vmFlags().isEmpty()) {
            node.remove("vm_flags");
        }
        if (host.caches().isEmpty()) {
            node.remove("caches");
        }
        return node;
    }

    /** A host class as an object: {@code isa}, {@code vector_bits}, {@code cores}, {@code jdk}. */
    public static ObjectNode writeClass(HostClass hostClass) {
        ObjectNode node = ModelJson.object();
        ArrayNode isa = node.putArray("isa");
        hostClass.isa().forEach(isa::add);
        node.put("vector_bits", hostClass.vectorBits());
        node.put("cores", hostClass.cores());
        node.put("jdk", hostClass.jdkMajor());
        return node;
    }

    /** Reads what {@link #write} wrote. */
    public static HostIdentity read(JsonPath path, String at, JsonNode node, PlatformKey platform)
            throws InputException {
        path.requireObject(at, node);
        HostClass hostClass = readClass(path, at + ".class", node.get("class"), platform);
        Map<String, String> flags = new TreeMap<>();
        JsonNode f = node.get("vm_flags");
        if (f != null && !f.isNull()) {
            path.requireObject(at + ".vm_flags", f);
            for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flags.put(e.getKey(), path.requiredText(at + ".vm_flags[" + JsonPath.quote(e.getKey()) + "]",
                        e.getValue()));
            }
        }
        return new HostIdentity(hostClass, path.optionalText(at + ".jdk_build", node.get("jdk_build")), flags,
                path.optionalText(at + ".caches", node.get("caches")), readSpeed(path, at + ".speed",
                node.get("speed")));
    }

    /** Reads what {@link #writeClass} wrote. */
    public static HostClass readClass(JsonPath path, String at, JsonNode node, PlatformKey platform)
            throws InputException {
        path.requireObject(at, node);
        JsonNode isaNode = node.get("isa");
        path.requireArray(at + ".isa", isaNode);
        List<String> isa = new ArrayList<>();
        for (int i = 0; i < isaNode.size(); i++) {
            isa.add(path.requiredText(at + ".isa[" + i + "]", isaNode.get(i)));
        }
        return new HostClass(platform, isa,
                path.optionalCount(at + ".vector_bits", node.get("vector_bits"), 0),
                path.optionalCount(at + ".cores", node.get("cores"), 0),
                path.optionalCount(at + ".jdk", node.get("jdk"), 0));
    }

    private static HostSpeed readSpeed(JsonPath path, String at, JsonNode node) throws InputException {
        if (node == null || node.isNull()) {
            return null;
        }
        path.requireObject(at, node);
        Map<String, HostSpeed.Probe> probes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String probeAt = at + "[" + JsonPath.quote(e.getKey()) + "]";
            path.requireObject(probeAt, e.getValue());
            double ns = path.number(probeAt + ".ns", e.getValue().get("ns"), true);
            double spread = path.number(probeAt + ".spread", e.getValue().get("spread"), true);
            try {
                probes.put(e.getKey(), new HostSpeed.Probe(ns, spread));
            } catch (IllegalArgumentException ex) {
                throw path.error(probeAt, ex.getMessage());
            }
        }
        return new HostSpeed(probes);
    }
}
