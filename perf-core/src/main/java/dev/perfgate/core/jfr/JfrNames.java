package dev.perfgate.core.jfr;

/**
 * Turns JFR's class names into Java source form. JFR names array classes the way the JVM does
 * ({@code [B}, {@code [[Ljava.lang.String;}); people read {@code byte[]} and
 * {@code java.lang.String[][]}.
 */
final class JfrNames {

    private JfrNames() {
    }

    /** The class name in Java source form; names that are not array descriptors are returned unchanged. */
    static String javaName(String jfrName) {
        if (jfrName == null || !jfrName.startsWith("[")) {
            return jfrName;
        }
        int dims = 0;
        while (dims < jfrName.length() && jfrName.charAt(dims) == '[') {
            dims++;
        }
        String element = element(jfrName.substring(dims));
        if (element == null) {
            return jfrName;
        }
        return element + "[]".repeat(dims);
    }

    private static String element(String descriptor) {
        if (descriptor.length() == 1) {
            switch (descriptor.charAt(0)) {
                case 'Z': return "boolean";
                case 'B': return "byte";
                case 'C': return "char";
                case 'S': return "short";
                case 'I': return "int";
                case 'J': return "long";
                case 'F': return "float";
                case 'D': return "double";
                default: return null;
            }
        }
        if (descriptor.length() > 2 && descriptor.charAt(0) == 'L' && descriptor.endsWith(";")) {
            return descriptor.substring(1, descriptor.length() - 1).replace('/', '.');
        }
        return null;
    }
}
