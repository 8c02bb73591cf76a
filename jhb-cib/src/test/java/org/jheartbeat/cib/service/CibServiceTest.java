package org.jheartbeat.cib.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.common.loop.EventLoop;
import org.jheartbeat.testkit.SimScheduler;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CibServiceTest {

    private static final String EMPTY = "<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\"><configuration>"
            + "<crm_config/><nodes/><resources/><constraints/></configuration><status/></cib>";

    private final SimScheduler scheduler = new SimScheduler(1);
    private final EventLoop loop = scheduler.newLoop("cib");
    private final EventLoop listenerLoop = scheduler.newLoop("controller");
    private final List<CibVersion> written = new ArrayList<>();
    private IOException failNextWrite;

    private CibService service(CibDocument initial) {
        return new CibService(loop, initial, document -> {
            if (failNextWrite != null) {
                throw failNextWrite;
            }
            written.add(document.version());
        }, Runnable::run);
    }

    private static CibDocument parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return CibDocument.of(factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
    }

    /** A configuration change as an operation would make it: a copy with a new primitive and epoch + 1. */
    private static UnaryOperator<CibDocument> addPrimitive(String id) {
        return before -> {
            Document copy = (Document) before.dom().cloneNode(true);
            Element primitive = copy.createElement("primitive");
            primitive.setAttribute("id", id);
            copy.getElementsByTagName("resources").item(0).appendChild(primitive);
            copy.getDocumentElement().setAttribute("epoch", Long.toString(before.version().epoch() + 1));
            return CibDocument.of(copy);
        };
    }

    private <T> T settle(CompletableFuture<T> future) {
        scheduler.runFor(Duration.ofMillis(10));
        return future.join();
    }

    @Test
    void aChangeIsPersistedThenAcknowledgedAndAnnouncedWithTheSectionsItTouched() throws Exception {
        CibService service = service(parse(EMPTY));
        List<CibChanged> feed = new ArrayList<>();
        service.subscribe(listenerLoop, feed::add);

        CibChanged changed = settle(service.change(addPrimitive("ip01")));

        assertThat(changed.from()).isEqualTo(new CibVersion(0, 1, 0));
        assertThat(changed.to()).isEqualTo(new CibVersion(0, 2, 0));
        assertThat(changed.sections()).containsExactly("resources");
        assertThat(written).containsExactly(new CibVersion(0, 2, 0));
        assertThat(feed).containsExactly(changed);
        assertThat(settle(service.query()).version()).isEqualTo(new CibVersion(0, 2, 0));
    }

    @Test
    void changesApplyOneAfterAnotherInOrder() throws Exception {
        CibService service = service(parse(EMPTY));

        CompletableFuture<CibChanged> first = service.change(addPrimitive("a"));
        CompletableFuture<CibChanged> second = service.change(addPrimitive("b"));
        scheduler.runFor(Duration.ofMillis(10));

        assertThat(second.join().from()).isEqualTo(first.join().to());
        assertThat(written).containsExactly(new CibVersion(0, 2, 0), new CibVersion(0, 3, 0));
        assertThat(settle(service.query()).dom().getElementsByTagName("primitive").getLength()).isEqualTo(2);
    }

    @Test
    void aRefusedOperationChangesNothing() throws Exception {
        CibService service = service(parse(EMPTY));

        CompletableFuture<CibChanged> refused = service.change(before -> {
            throw new IllegalArgumentException("id 'ip01' already exists");
        });
        scheduler.runFor(Duration.ofMillis(10));

        assertThatThrownBy(refused::join).hasMessageContaining("already exists");
        assertThat(written).isEmpty();
        assertThat(settle(service.query()).version()).isEqualTo(new CibVersion(0, 1, 0));
    }

    @Test
    void aChangeThatChangesNothingIsNotWritten() throws Exception {
        CibService service = service(parse(EMPTY));

        CibChanged nothing = settle(service.change(UnaryOperator.identity()));

        assertThat(nothing.sections()).isEmpty();
        assertThat(written).isEmpty();
    }

    @Test
    void afterAFailedWriteNoFurtherChangeIsAccepted() throws Exception {
        CibService service = service(parse(EMPTY));
        failNextWrite = new IOException("No space left on device");

        CompletableFuture<CibChanged> failed = service.change(addPrimitive("a"));
        scheduler.runFor(Duration.ofMillis(10));
        assertThatThrownBy(failed::join).hasMessageContaining("No space left on device");

        failNextWrite = null;
        CompletableFuture<CibChanged> refused = service.change(addPrimitive("b"));
        scheduler.runFor(Duration.ofMillis(10));
        assertThatThrownBy(refused::join).hasMessageContaining("can no longer be saved")
                .hasMessageContaining("restart heartbeat");
        assertThat(written).isEmpty();
    }
}
