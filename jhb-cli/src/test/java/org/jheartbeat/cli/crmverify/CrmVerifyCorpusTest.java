package org.jheartbeat.cli.crmverify;

import org.jheartbeat.lrm.catalog.InstalledAgents;
import org.jheartbeat.testkit.Prerequisites;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One bad CIB per mistake, checked against the agents installed on this host. Each file ends
 * with what crm_verify -V must say about it: {@code <!-- expect exit N -->} and one
 * {@code <!-- expect: LINE -->} per finding ({file} stands for the path given to -x).
 */
class CrmVerifyCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/crm_verify");
    private static final Pattern EXIT = Pattern.compile("<!-- expect exit (\\d+) -->");
    private static final Pattern LINE = Pattern.compile("<!-- expect: (.*) -->");

    @BeforeAll
    static void needsResourceAgents() {
        Prerequisites.require(Files.isExecutable(InstalledAgents.DEFAULT_OCF_ROOT.resolve("resource.d/heartbeat/IPaddr2")),
                "resource-agents is not installed");
    }

    static Stream<Path> badCibs() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS.resolve("bad"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCibs")
    void eachMistakeIsNamedWithItsLineAndIdAndRemedy(Path cib) throws IOException {
        String text = Files.readString(cib);
        Matcher exit = EXIT.matcher(text);
        assertThat(exit.find()).as("%s has no <!-- expect exit N -->", cib).isTrue();
        List<String> expected = LINE.matcher(text).results()
                .map(match -> match.group(1).replace("{file}", cib.toString())).toList();
        assertThat(expected).as("%s has no <!-- expect: ... -->", cib).isNotEmpty();

        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), "", InstalledAgents.fromEnvironment(System.getenv()),
                "-x", cib.toString(), "-V");

        assertThat(run.exitCode()).isEqualTo(Integer.parseInt(exit.group(1)));
        assertThat(run.err().lines().filter(line -> line.startsWith("error:") || line.startsWith("warning:")))
                .containsExactlyElementsOf(expected);
        assertThat(run.err()).containsAnyOf("crm_verify: Errors found during check: config not valid",
                "crm_verify: Warnings found during check: config may not be valid");
    }

    @Test
    void theTalksClusterVipAndPgsqlGroupIsValid() {
        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), "", InstalledAgents.fromEnvironment(System.getenv()),
                "-x", CORPUS.resolve("good.xml").toString(), "-V");

        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void aHeartbeat21CibIsCheckedAsUpgradedWithANote() {
        Path cib = CORPUS.resolve("legacy/heartbeat21-talk.xml");

        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), "", InstalledAgents.fromEnvironment(System.getenv()), "-x", cib.toString());

        assertThat(run.err()).isEqualTo("crm_verify: note: " + cib + " uses the Heartbeat 2.1 form; it was checked as upgraded"
                + " to the current form, which cibadmin --upgrade writes\n");
        assertThat(run.exitCode()).isZero();
    }

    @Test
    void mistakesInAHeartbeat21CibAreNamedOnTheLinesAsWritten() {
        Path cib = CORPUS.resolve("legacy/heartbeat21-mistakes.xml");

        CrmVerifyRun run = CrmVerifyRun.run(Map.of(), "", InstalledAgents.fromEnvironment(System.getenv()), "-x", cib.toString());

        assertThat(run.err().lines().filter(line -> line.startsWith("error:"))).containsExactly(
                "error: " + cib + ":15: primitive 'vip': agent ocf:heartbeat:IPaddr2 requires parameter 'ip', which is not set."
                        + " Add <nvpair name=\"ip\" value=\"...\"/> to its <instance_attributes> (IPaddr2 meta-data lists what it means)",
                "error: " + cib + ":33: rsc_colocation 'pgsql-with-vip': with-rsc=\"vip_address\" names no resource."
                        + " Define a resource with id 'vip_address' in <resources> or correct with-rsc=");
        assertThat(run.exitCode()).isEqualTo(78);
    }
}
