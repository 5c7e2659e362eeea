package dev.perfgate.core.report;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CommitLinksTest {

    private static final String SHA = "ceee8991180f4e2ba2680787c3b8aaa1aa320e36";

    private static Optional<String> linkFromRemote(String remote) {
        return CommitLinks.fromRemote(remote).flatMap(l -> l.link(SHA));
    }

    @Test
    void theRemoteFormsOfOneGitHubRepositoryAllGiveItsWebAddress() {
        for (String remote : new String[] {"git@github.com:o/r.git", "https://github.com/o/r.git",
                "https://github.com/o/r", "https://github.com/o/r/", "ssh://git@github.com/o/r.git",
                "ssh://git@github.com:22/o/r.git", "git://github.com/o/r.git", "github.com:o/r", "  git@GitHub.com:o/r.git\n"}) {
            assertThat(CommitLinks.fromRemote(remote)).as(remote).hasValueSatisfying(l ->
                    assertThat(l.repository()).isEqualTo("https://github.com/o/r"));
            assertThat(linkFromRemote(remote)).as(remote).hasValue("https://github.com/o/r/commit/" + SHA);
        }
    }

    @Test
    void credentialsInARemoteNeverReachTheAddress() {
        assertThat(linkFromRemote("https://x-access-token:ghs_secret@github.com/o/r.git"))
                .hasValue("https://github.com/o/r/commit/" + SHA);
        assertThat(CommitLinks.given("https://user:pass@git.example.org/o/r")).hasValueSatisfying(l ->
                assertThat(l.link(SHA)).hasValue("https://git.example.org/o/r/commit/" + SHA));
    }

    @Test
    void gitLabAndBitbucketRemotesUseTheirOwnCommitPaths() {
        assertThat(linkFromRemote("git@gitlab.com:group/sub/r.git"))
                .hasValue("https://gitlab.com/group/sub/r/-/commit/" + SHA);
        assertThat(linkFromRemote("https://gitlab.example.org/g/r.git"))
                .hasValue("https://gitlab.example.org/g/r/-/commit/" + SHA);
        assertThat(linkFromRemote("git@bitbucket.org:team/r.git"))
                .hasValue("https://bitbucket.org/team/r/commits/" + SHA);
    }

    @Test
    void localUnknownAndWeirdRemotesGiveNoLinks() {
        for (String remote : new String[] {null, "", "/srv/git/r.git", "../r", "file:///srv/git/r.git",
                "C:\\repos\\r", "git@git.example.org:o/r.git", "https://git.example.org/o/r.git",
                "https://github.com/o", "https://github.com/o/r/tree/main", "git@github.com:o/r/extra.git",
                "git@github.com:../../settings", "git@github.com:o/r\"onmouseover=x", "https://github.com/o/r?x=1",
                "https://github.com/o/r#frag", "javascript:alert(1)//github.com/o/r", "ftp://github.com/o/r",
                "git@github.com:o/%2e%2e", "https://github.com/o/r two", "git@github.com:o/r\nevil"}) {
            assertThat(CommitLinks.fromRemote(remote)).as(String.valueOf(remote)).isEmpty();
        }
    }

    @Test
    void gitHubActionsEnvironmentNamesTheServerAndRepository() {
        assertThat(CommitLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "o/r")).flatMap(l -> l.link(SHA))).hasValue("https://github.com/o/r/commit/" + SHA);
        assertThat(CommitLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://ghe.example.com/",
                "GITHUB_REPOSITORY", "o/r")).flatMap(l -> l.link(SHA)))
                .hasValue("https://ghe.example.com/o/r/commit/" + SHA);
    }

    @Test
    void gitLabCiEnvironmentNamesTheProject() {
        assertThat(CommitLinks.fromEnvironment(Map.of("CI_PROJECT_URL", "https://git.example.org/g/sub/r"))
                .flatMap(l -> l.link(SHA))).hasValue("https://git.example.org/g/sub/r/-/commit/" + SHA);
    }

    @Test
    void anInvalidEnvironmentGivesNoLinks() {
        assertThat(CommitLinks.fromEnvironment(Map.of())).isEmpty();
        assertThat(CommitLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "javascript:alert(1)",
                "GITHUB_REPOSITORY", "o/r"))).isEmpty();
        assertThat(CommitLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "o/r\"><x"))).isEmpty();
        assertThat(CommitLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com"))).isEmpty();
        assertThat(CommitLinks.fromEnvironment(Map.of("CI_PROJECT_URL", "https://gitlab.com"))).isEmpty();
        assertThat(CommitLinks.fromEnvironment(Map.of("CI_PROJECT_URL", "data:text/html,x"))).isEmpty();
    }

    @Test
    void aGivenAddressOnAnUnknownHostUsesCommitAndATemplateIsUsedAsGiven() {
        assertThat(CommitLinks.given("https://git.example.org/o/r.git").flatMap(l -> l.link(SHA)))
                .hasValue("https://git.example.org/o/r/commit/" + SHA);
        assertThat(CommitLinks.given("https://gitlab.com/g/r").flatMap(l -> l.link(SHA)))
                .hasValue("https://gitlab.com/g/r/-/commit/" + SHA);
        assertThat(CommitLinks.given("https://git.example.org/cgit/r/commit/?id={commit}").flatMap(l -> l.link(SHA)))
                .hasValue("https://git.example.org/cgit/r/commit/?id=" + SHA);
        for (String bad : new String[] {"github.com/o/r", "ftp://x.org/o/r", "javascript:alert(1)",
                "https://{commit}.example.org/x", "https://github.com", "https://github.com/o/r?x",
                "https://git.example.org/o/r {commit}", "file:///x/{commit}", ""}) {
            assertThat(CommitLinks.given(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void onlyHexadecimalCommitsAreLinked() {
        CommitLinks links = CommitLinks.fromRemote("git@github.com:o/r.git").orElseThrow();
        assertThat(links.link("abc1234")).hasValue("https://github.com/o/r/commit/abc1234");
        assertThat(links.link("abc123")).isEmpty();
        assertThat(links.link("main")).isEmpty();
        assertThat(links.link("../../settings")).isEmpty();
        assertThat(links.link("\"><script>")).isEmpty();
        assertThat(links.link("")).isEmpty();
        assertThat(CommitLinks.NONE.link(SHA)).isEmpty();
        assertThat(CommitLinks.NONE.enabled()).isFalse();
    }

    @Test
    void attributesAreEscapedWithoutBeingCut() {
        String longUrl = "https://example.org/" + "a".repeat(500) + "?x=1&y=\"2\"<>'";
        assertThat(CommitLinks.attribute(longUrl)).startsWith("https://example.org/" + "a".repeat(500) + "?x=1")
                .endsWith("?x=1&amp;y=&quot;2&quot;&lt;&gt;&#39;");
    }
}
