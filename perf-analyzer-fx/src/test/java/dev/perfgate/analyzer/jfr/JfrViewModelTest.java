package dev.perfgate.analyzer.jfr;

import dev.perfgate.analyzer.FakeDialogService;
import dev.perfgate.analyzer.ui.BackgroundRunner;
import dev.perfgate.core.jfr.HotMethod;
import dev.perfgate.core.jfr.MethodDelta;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JfrViewModelTest {

    @TempDir
    static Path dir;
    static Path alpha;
    static Path beta;

    private final FakeDialogService dialogs = new FakeDialogService();
    private final JfrViewModel model = new JfrViewModel(BackgroundRunner.direct(), dialogs);

    @BeforeAll
    static void record() throws Exception {
        alpha = Burners.record(dir.resolve("alpha.jfr"), Duration.ofMillis(1200), Burners::burnAlpha);
        beta = Burners.record(dir.resolve("beta.jfr"), Duration.ofMillis(1200), Burners::burnBeta);
    }

    @Test
    void explainsHowToRecordBeforeARecordingIsOpen() {
        assertThat(model.messageProperty().get()).contains("-prof jfr", "StartFlightRecording");
    }

    @Test
    void showsTheMethodThatBurntTheCpuAmongTheHotMethods() {
        model.open(alpha);

        assertThat(model.hotMethods()).extracting(HotMethod::method).contains(Burners.ALPHA);
        assertThat(model.hotMethods().get(0).selfShare()).isGreaterThan(0.3);
        assertThat(model.summaryProperty().get()).startsWith("Recording: alpha.jfr").contains("execution samples",
                "GC:", "allocation:");
        assertThat(model.messageProperty().get()).isEmpty();
    }

    @Test
    void aSecondRecordingAsCurrentShowsWhichMethodsGotHotter() {
        model.open(alpha);
        model.open(beta);

        assertThat(model.hotter()).extracting(MethodDelta::method).first().isEqualTo(Burners.BETA);
        assertThat(model.hotter().get(0).delta()).isGreaterThan(0.3);
        assertThat(model.hotMethods()).extracting(HotMethod::method).contains(Burners.BETA);
        assertThat(model.summaryProperty().get()).contains("Base: alpha.jfr", "Current: beta.jfr");
    }

    @Test
    void aFileThatIsNoRecordingShowsTheReadersMessage() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jfr"), "not a recording");

        model.open(bad);

        assertThat(dialogs.of("error")).singleElement().satisfies(e -> assertThat(e.text()).startsWith(bad.toString()));
        assertThat(model.baseProperty().get()).isNull();
    }
}
