package org.jheartbeat.controller;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.ops.CibOperationException;
import org.jheartbeat.cib.ops.CibOperations;
import org.jheartbeat.cib.service.CibService;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.membership.View;
import org.jheartbeat.messaging.wire.HaMessage;
import org.jheartbeat.testkit.SimScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * The DC and a CIB that, as the daemon's does, answers queries from memory but tells of a change
 * only once it is on disk (here 20 ms later): a transition may be computed from a CIB that holds
 * changes not told yet. Their news must not abort it, as it did in the node01/node02 demo's
 * failover ("Transition 2 aborted: the CIB changed to 0.6.2" for a transition computed from
 * 0.6.3): each abort waits for the actions under way and runs the scheduler again.
 */
class DcStaleChangeTest {

    private static final Duration DISK = Duration.ofMillis(20);

    private final SimScheduler sim = new SimScheduler(1);
    private final EventLoop crmd = sim.newLoop("node1/crmd");
    private final EventLoop cibLoop = sim.newLoop("node1/cib");
    private final EventLoop disk = sim.newLoop("node1/disk");
    private final CibService cib = new CibService(cibLoop,
            withRootAttribute(TestCibs.twoNodesOneGroup(""), "dc-uuid", "node2"), document -> { },
            write -> disk.schedule(DISK, write));
    private final List<HaMessage> sent = new ArrayList<>();
    private final DcController dc = new DcController("node1", crmd, cib, (to, message) -> sent.add(message));
    private final Logger log = (Logger) LoggerFactory.getLogger("crmd");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Level level = log.getLevel();

    @BeforeEach
    void setUp() {
        lines.start();
        log.addAppender(lines);
        log.setLevel(Level.INFO);
        cib.subscribe(crmd, dc::cibChanged);
    }

    @AfterEach
    void tearDown() {
        log.detachAppender(lines);
        log.setLevel(level);
    }

    @Test
    void changesTheTransitionWasComputedFromDoNotAbortIt() {
        becomeDcAndJoinBoth();
        // someone else's change, in memory before the scheduler's query, told after it
        sim.runFor(DISK.dividedBy(2));
        cib.change(DcStaleChangeTest::withOption);
        sim.runFor(Duration.ofSeconds(1));

        assertThat(messages()).as("computed from the CIB with the change (epoch 6), its actions under way (no node"
                + " answers here)")
                .anyMatch(line -> line.startsWith("Transition 0: ") && line.contains("(CIB 0.6.0)"))
                .anyMatch(line -> line.startsWith("Initiating "));
        assertThat(messages()).noneMatch(line -> line.contains("aborted"));
    }

    @Test
    void aChangeTheTransitionDidNotSeeStillAbortsIt() {
        becomeDcAndJoinBoth();
        sim.runFor(Duration.ofSeconds(1));
        assertThat(messages()).anyMatch(line -> line.startsWith("Transition 0: "));

        cib.change(DcStaleChangeTest::withOption);
        sim.runFor(Duration.ofSeconds(1));

        assertThat(messages()).anyMatch(line -> line.startsWith("Transition 0 aborted: the CIB changed to"));
    }

    /** node1 takes over from node2: the CIB names node2 as the DC until node1's name is written. */
    @Test
    void theDcsNameWrittenOnATakeoverNeitherAbortsTheTransitionNorStartsTheJoinAgain() {
        becomeDcAndJoinBoth();
        sim.runFor(Duration.ofSeconds(1));
        assertThat(messages()).anyMatch(line -> line.startsWith("Transition 0: "));

        cib.change(document -> withRootAttribute(document, "dc-uuid", "node1"));
        sim.runFor(Duration.ofSeconds(1));

        assertThat(messages()).noneMatch(line -> line.contains("aborted") || line.contains("asking every node again"));
    }

    @Test
    void quorumLostOnTheRootAbortsTheTransition() {
        becomeDcAndJoinBoth();
        sim.runFor(Duration.ofSeconds(1));
        assertThat(messages()).anyMatch(line -> line.startsWith("Transition 0: "));

        cib.change(document -> withRootAttribute(document, "have-quorum", "0"));
        sim.runFor(Duration.ofSeconds(1));

        assertThat(messages()).anyMatch(line -> line.startsWith("Transition 0 aborted: the CIB changed to"))
                .noneMatch(line -> line.contains("asking every node again"));
    }

    /** node1 becomes the DC of node1 and node2, and both answer its join with no resource history. */
    private void becomeDcAndJoinBoth() {
        crmd.execute(() -> dc.viewChanged(new View(1, new TreeSet<>(List.of("node1", "node2")), true, "node1")));
        sim.runFor(Duration.ofMillis(1));
        long join = sent.get(0).getDecimal("join");
        crmd.execute(() -> {
            dc.stateReceived("node1", state(join));
            dc.stateReceived("node2", state(join));
        });
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static HaMessage state(long join) {
        return ControllerMessages.to(ControllerMessages.STATE, "node1").decimal("join", join).string("dc", "node1")
                .string("shutdown", "false").binary("lrm", "<lrm_resources/>".getBytes(StandardCharsets.UTF_8)).build();
    }

    private static CibDocument withRootAttribute(CibDocument document, String name, String value) {
        Document copy = CibXml.copy(document.dom());
        copy.getDocumentElement().setAttribute(name, value);
        copy.getDocumentElement().setAttribute("num_updates", Long.toString(document.version().nextUpdate().numUpdates()));
        return CibDocument.of(copy);
    }

    private static CibDocument withOption(CibDocument document) {
        try {
            return CibOperations.create(document, "crm_config", CibXml.parseElement("<cluster_property_set id=\"extra\">"
                    + "<nvpair id=\"extra-r\" name=\"cluster-recheck-interval\" value=\"10min\"/></cluster_property_set>",
                    "a test change"));
        } catch (CibOperationException | CibParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
