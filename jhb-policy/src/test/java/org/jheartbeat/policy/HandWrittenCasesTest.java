package org.jheartbeat.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.actions.Transition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our own small CIBs, each with the Transition Summary Pacemaker 2.1.5 gives for it. */
class HandWrittenCasesTest {

    private static final Path CASES = Path.of("src/test/resources/cases");

    static Stream<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(CASES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void summaryMatchesPacemaker(String name) throws Exception {
        Transition t = Scheduler.schedule(CibXml.parse(CASES.resolve(name + ".xml")), Instant.parse("2026-11-25T00:00:00Z"));
        List<String> expected = Files.readAllLines(CASES.resolve(name + ".summary")).stream()
                .filter(l -> l.startsWith("  * ")).map(l -> collapse(l.substring(4))).sorted().toList();
        List<String> got = t.summary().stream().map(HandWrittenCasesTest::collapse).sorted().toList();
        assertThat(got).as(name).isEqualTo(expected);
    }

    private static String collapse(String line) {
        return String.join(" ", line.trim().split("\\s+"));
    }
}
