package org.jheartbeat.cli.crmsimulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.cib;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.run;
import static org.jheartbeat.cli.crmsimulate.SimulateRun.runLoadingEarly;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIB of -x read and parsed while the command line is: the same output and errors as without. */
class CibLoadTest {

    private static final String CIB = cib("resource-states.xml").toString();

    @TempDir
    Path dir;

    @Test
    void theFileIsFoundInEachSpellingOfTheOption() {
        assertThat(CibLoad.early(new String[] {"-R", "-x", CIB}).isOf(Path.of(CIB))).isTrue();
        assertThat(CibLoad.early(new String[] {"--xml-file", CIB, "-S"}).isOf(Path.of(CIB))).isTrue();
        assertThat(CibLoad.early(new String[] {"--xml-file=" + CIB}).isOf(Path.of(CIB))).isTrue();
        assertThat(CibLoad.early(new String[] {"-x", "a.xml", "-x", CIB}).isOf(Path.of(CIB))).isTrue();
    }

    @Test
    void withoutAFileNamedNothingIsLoaded() {
        assertThat(CibLoad.early(new String[] {"-R", "-p"})).isNull();
        assertThat(CibLoad.early(new String[] {"-R", "-x"})).isNull();
        assertThat(CibLoad.early(new String[] {"--", "-x", CIB})).isNull();
    }

    @Test
    void theOutputIsThatOfARunWithoutTheEarlyLoad() {
        SimulateRun early = runLoadingEarly("-S", "-x", CIB);

        assertThat(early).isEqualTo(run("-S", "-x", CIB));
        assertThat(early.exitCode()).isZero();
        assertThat(early.section("Transition Summary")).isNotNull();
    }

    @Test
    void aMissingFileIsNoInputAsWithout() {
        Path missing = dir.resolve("nope.xml");

        SimulateRun early = runLoadingEarly("-x", missing.toString(), "-S");

        assertThat(early.exitCode()).isEqualTo(66);
        assertThat(early).isEqualTo(run("-x", missing.toString(), "-S"));
    }

    @Test
    void aFileThatIsNotACibIsADataErrorAsWithout() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<cib>\n  <configuration>\n</cib>\n");

        SimulateRun early = runLoadingEarly("-R", "-x", broken.toString());

        assertThat(early.exitCode()).isEqualTo(65);
        assertThat(early).isEqualTo(run("-R", "-x", broken.toString()));
    }

    @Test
    void aBadOptionWinsOverTheFileAsWithout() {
        Path missing = dir.resolve("nope.xml");

        SimulateRun early = runLoadingEarly("-x", missing.toString(), "--output-as", "xml");

        assertThat(early.exitCode()).isEqualTo(64);
        assertThat(early).isEqualTo(run("-x", missing.toString(), "--output-as", "xml"));
    }

    @Test
    void anotherSourceGivenTooIsRefusedAsWithout() {
        SimulateRun early = runLoadingEarly("-x", CIB, "-L");

        assertThat(early.exitCode()).isEqualTo(64);
        assertThat(early).isEqualTo(run("-x", CIB, "-L"));
    }
}
