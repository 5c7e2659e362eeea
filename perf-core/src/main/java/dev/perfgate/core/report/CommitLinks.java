package dev.perfgate.core.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a commit of the project can be seen in a browser, for the links of the trend page. Made
 * from the repository's web address: given ({@link #given}), from a CI environment
 * ({@link #fromEnvironment}) or from a git remote ({@link #fromRemote}). Only http(s) addresses
 * are ever linked, never with credentials, and only commits that are hexadecimal object ids.
 *
 * <p>A commit's address is {@code <repository>/commit/<sha>} on GitHub (and GitHub Enterprise, known
 * from GitHub Actions' environment), Gitea, Forgejo and the like; {@code <repository>/-/commit/<sha>}
 * on GitLab (gitlab.com, a host named {@code gitlab.*}, or GitLab CI's environment);
 * {@code <repository>/commits/<sha>} on bitbucket.org. A remote on any other host gives no links:
 * its form is unknown, and a link that leads nowhere is worse than none. A given address on such a
 * host uses {@code /commit/}, or is a template when it contains {@code {commit}}.
 */
public final class CommitLinks {

    /** No links. */
    public static final CommitLinks NONE = new CommitLinks(null, null);

    /** What a given address's template stands for the commit with. */
    public static final String PLACEHOLDER = "{commit}";

    private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern GITHUB_REPOSITORY = Pattern.compile("[A-Za-z0-9._-]+/[A-Za-z0-9._-]+");
    /** {@code [user@]host:path}, git's scp-like form of an ssh remote. */
    private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/:\\s]+@)?([A-Za-z0-9.-]+):/?([^\\s]+)");

    private final String repository;
    private final String template;

    private CommitLinks(String repository, String template) {
        this.repository = repository;
        this.template = template;
    }

    /** The repository's web address, or the template; empty for {@link #NONE}. */
    public String repository() {
        return repository == null ? "" : repository;
    }

    /** Whether there are any links. */
    public boolean enabled() {
        return template != null;
    }

    /**
     * The address of a commit, not escaped for any format; empty when there are no links or the
     * commit is not a hexadecimal object id of 7 to 64 digits (a hand-typed {@code --commit} such as
     * a tag or a branch name is shown, not linked).
     */
    public Optional<String> link(String commit) {
        if (template == null || commit == null || !SHA.matcher(commit).matches()) {
            return Optional.empty();
        }
        return Optional.of(template.replace(PLACEHOLDER, commit));
    }

    /**
     * Links from an address given on the command line: an http(s) repository address such as
     * {@code https://github.com/o/r} (a trailing {@code /} or {@code .git} and any credentials are
     * dropped), or a template with {@code {commit}} in it, used as given. Empty when it is neither.
     */
    public static Optional<CommitLinks> given(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String text = url.strip();
        if (text.contains(PLACEHOLDER)) {
            Optional<URI> probe = web(text.replace(PLACEHOLDER, "0123456789abcdef"));
            int authorityEnd = text.indexOf('/', text.indexOf("://") + 3);
            if (probe.isEmpty() || probe.get().getRawUserInfo() != null || authorityEnd < 0
                    || text.indexOf(PLACEHOLDER) < authorityEnd) {
                return Optional.empty(); // the commit goes in the path or query, never in the host
            }
            return Optional.of(new CommitLinks(text, text));
        }
        return web(text).filter(u -> u.getRawQuery() == null && u.getRawFragment() == null)
                .map(CommitLinks::repositoryOf).filter(CommitLinks::hasPath)
                .map(repo -> {
                    Style style = Style.of(URI.create(repo).getHost());
                    return new CommitLinks(repo, repo + (style == null ? Style.COMMIT : style).path + PLACEHOLDER);
                });
    }

    /**
     * Links from a CI job's environment: GitHub Actions' {@code GITHUB_SERVER_URL} and
     * {@code GITHUB_REPOSITORY}, else GitLab CI's {@code CI_PROJECT_URL}. Empty when neither is set
     * and valid.
     */
    public static Optional<CommitLinks> fromEnvironment(Map<String, String> env) {
        String server = env.getOrDefault("GITHUB_SERVER_URL", "").strip();
        String repository = env.getOrDefault("GITHUB_REPOSITORY", "").strip();
        if (!server.isEmpty() && GITHUB_REPOSITORY.matcher(repository).matches()) {
            Optional<CommitLinks> github = web(server).filter(u -> u.getRawQuery() == null
                            && u.getRawFragment() == null && (u.getRawPath() == null || u.getRawPath().matches("/?")))
                    .map(u -> repositoryOf(u) + "/" + repository)
                    .map(repo -> new CommitLinks(repo, repo + Style.COMMIT.path + PLACEHOLDER));
            if (github.isPresent()) {
                return github;
            }
        }
        String project = env.getOrDefault("CI_PROJECT_URL", "").strip();
        return web(project).filter(u -> u.getRawQuery() == null && u.getRawFragment() == null)
                .map(CommitLinks::repositoryOf).filter(CommitLinks::hasPath)
                .map(repo -> new CommitLinks(repo, repo + Style.GITLAB.path + PLACEHOLDER));
    }

    /**
     * Links from a git remote's URL ({@code remote.origin.url}): {@code https://github.com/o/r.git},
     * {@code git@github.com:o/r.git} and {@code ssh://git@github.com/o/r.git} all give
     * {@code https://github.com/o/r}. Empty for a local path, a host of unknown form, or anything
     * that is not a plain {@code owner/name} path.
     */
    public static Optional<CommitLinks> fromRemote(String remote) {
        if (remote == null) {
            return Optional.empty();
        }
        String text = remote.strip();
        String scheme;
        String host;
        String path;
        int port = -1;
        if (text.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                return Optional.empty();
            }
            String given = uri.getScheme().toLowerCase(Locale.ROOT);
            if (given.equals("http") || given.equals("https")) {
                scheme = given;
                port = uri.getPort();
            } else if (given.equals("ssh") || given.equals("git") || given.equals("git+ssh")
                    || given.equals("ssh+git")) {
                scheme = "https"; // the web address of the same host; an ssh or git port says nothing about it
            } else {
                return Optional.empty();
            }
            host = uri.getHost();
            path = uri.getRawPath();
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.empty();
            }
        } else {
            java.util.regex.Matcher m = SCP_LIKE.matcher(text);
            if (!m.matches()) {
                return Optional.empty();
            }
            scheme = "https";
            host = m.group(1);
            path = "/" + m.group(2);
        }
        if (host == null || path == null) {
            return Optional.empty();
        }
        host = host.toLowerCase(Locale.ROOT);
        Style style = Style.of(host);
        if (style == null) {
            return Optional.empty();
        }
        String trimmed = trimPath(path);
        String[] segments = trimmed.substring(Math.min(1, trimmed.length())).split("/", -1);
        if (segments.length < 2 || (style != Style.GITLAB && segments.length != 2)) {
            return Optional.empty();
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        String repo = scheme + "://" + host + (port == -1 ? "" : ":" + port) + trimmed;
        return Optional.of(new CommitLinks(repo, repo + style.path + PLACEHOLDER));
    }

    /** How a host addresses a commit below the repository's address. */
    private enum Style {
        COMMIT("/commit/"), GITLAB("/-/commit/"), BITBUCKET("/commits/");

        private final String path;

        Style(String path) {
            this.path = path;
        }

        /** The form of a known host; null for any other. */
        static Style of(String host) {
            return switch (host) {
                case "github.com", "www.github.com" -> COMMIT;
                case "bitbucket.org" -> BITBUCKET;
                default -> host.equals("gitlab.com") || host.startsWith("gitlab.") ? GITLAB : null;
            };
        }
    }

    /** An absolute http(s) address with a host, without spaces or control characters. */
    private static Optional<URI> web(String text) {
        if (text.isEmpty() || text.codePoints().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.isOpaque()) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Scheme, host, port and path of an address, without credentials, trailing slashes or {@code .git}. */
    private static String repositoryOf(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + trimPath(uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String trimPath(String path) {
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Whether an address made by {@link #repositoryOf} has a path below its host. */
    private static boolean hasPath(String repo) {
        return repo.indexOf('/', repo.indexOf("://") + 3) > 0;
    }

    /** Text safe inside an HTML or XML attribute value in double quotes, never cut. */
    static String attribute(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < ' ' || c == 0x7f ? '?' : c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return enabled() ? repository : "no commit links";
    }
}
