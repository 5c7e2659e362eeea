package dev.perfgate.core.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void longTextIsCutWithAnEllipsis() {
        assertThat(Text.plain("x".repeat(10_000), 200)).hasSize(200).endsWith("x\u2026");
        assertThat(Text.markdown("@".repeat(10_000))).as("cut before escaping: 199 mentions and the ellipsis")
                .isEqualTo("&#64;".repeat(199) + "\u2026");
    }

    @Test
    void cutNeverSplitsACharacterOutsideTheBasicPlane() {
        assertThat(Text.plain(EMOJI.repeat(300), 200)).as("199 units would end inside the 100th emoji")
                .isEqualTo(EMOJI.repeat(99) + "\u2026");
        assertThat(Text.plain("a" + EMOJI.repeat(300), 200)).isEqualTo("a" + EMOJI.repeat(99) + "\u2026");
    }

    @Test
    void controlFormatAndUnpairedSurrogateCharactersBecomeQuestionMarks() {
        assertThat(Text.plain("a\nb\u0000c\u202ed\u200be\uDE00f\uD83D", 100)).isEqualTo("a?b?c?d?e?f?");
        assertThat(Text.plain("ok " + EMOJI, 100)).isEqualTo("ok " + EMOJI);
    }
}
