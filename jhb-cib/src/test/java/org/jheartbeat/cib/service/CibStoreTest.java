package org.jheartbeat.cib.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jheartbeat.cib.diff.XmlTree;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.testkit.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CibStoreTest {

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    private CibStore store() {
        return new CibStore(dir, clock, 3);
    }

    private static CibDocument cib(long epoch) throws Exception {
        return CibXml.parse("<cib admin_epoch=\"0\" epoch=\"" + epoch + "\" num_updates=\"0\"><configuration><crm_config/><nodes/>"
                + "<resources><primitive id=\"ip\" class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"/></resources>"
                + "<constraints/></configuration><status/></cib>", "test");
    }

    private static XmlTree withoutStamp(CibDocument document) {
        XmlTree tree = XmlTree.of(document.root());
        Map<String, String> attributes = new java.util.LinkedHashMap<>(tree.attributes());
        attributes.remove("cib-last-written");
        return new XmlTree(tree.name(), attributes, tree.children());
    }

    @Test
    void theFirstStartWritesTheTemplateWithItsDigest() throws Exception {
        CibDocument loaded = store().loadOrCreate(CibTemplate::empty);

        assertThat(withoutStamp(loaded)).isEqualTo(XmlTree.of(CibTemplate.empty().root()));
        byte[] written = Files.readAllBytes(dir.resolve("cib.xml"));
        assertThat(Files.readString(dir.resolve("cib.xml.sig"))).isEqualTo(CibDigest.of(written)).hasSize(32);
        assertThat(store().latestBackup()).isEmpty();
    }

    @Test
    void aWrittenCibLoadsBackEqualStampedWithTheWriteTime() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        store.write(cib(7));

        CibDocument loaded = new CibStore(dir, clock).loadOrCreate(() -> {
            throw new AssertionError("cib.xml exists; the template must not be used");
        });

        assertThat(withoutStamp(loaded)).isEqualTo(XmlTree.of(cib(7).root()));
        assertThat(loaded.version()).isEqualTo(new CibVersion(0, 7, 0));
        assertThat(loaded.root().getAttribute("cib-last-written")).endsWith("2026").isNotBlank();
    }

    @Test
    void aCibChangedBehindTheClustersBackIsRefusedAndLeftAlone() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        store.write(cib(2));
        Path file = dir.resolve("cib.xml");
        String expected = Files.readString(dir.resolve("cib.xml.sig"));
        String edited = Files.readString(file).replace("IPaddr2", "IPaddr");
        Files.writeString(file, edited);

        assertThatThrownBy(() -> store().loadOrCreate(CibTemplate::empty)).isInstanceOf(CibStoreException.class)
                .hasMessage(file + " was changed outside the cluster (digest " + expected + " expected, "
                        + CibDigest.of(edited.getBytes(StandardCharsets.UTF_8)) + " found); it was not loaded and is left as it is."
                        + " Restore the last good copy from cib-1.raw (the newest) with its .sig, remove cib.xml.sig only if you"
                        + " edited cib.xml on purpose, or use cibadmin to load changes");
        assertThat(Files.readString(file)).isEqualTo(edited);
    }

    @Test
    void aCibWithoutDigestIsTakenAsWrittenByHand() throws Exception {
        Files.writeString(dir.resolve("cib.xml"), CibXml.toXml(cib(4)));

        assertThat(store().loadOrCreate(CibTemplate::empty).version()).isEqualTo(new CibVersion(0, 4, 0));
    }

    @Test
    void anUnparsableCibIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, "<cib admin_epoch=\"0\">\n<configuration>\n</cib>\n");

        assertThatThrownBy(() -> store().loadOrCreate(CibTemplate::empty)).isInstanceOf(CibStoreException.class)
                .hasMessageStartingWith(file + ":3")
                .hasMessageContaining(file + " was not loaded and is left as it is. Restore the last good copy from cib-N.raw");
        assertThat(Files.readString(file)).startsWith("<cib admin_epoch=\"0\">");
    }

    @Test
    void backupsKeepTheReplacedVersionsUpToTheLimit() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        for (long epoch = 2; epoch <= 6; epoch++) {
            store.write(cib(epoch));
        }

        assertThat(store.latestBackup()).contains(dir.resolve("cib-5.raw"));
        assertThat(Files.readString(dir.resolve("cib.last"))).isEqualTo("5");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("cib-")))
                    .containsExactlyInAnyOrder("cib-3.raw", "cib-3.raw.sig", "cib-4.raw", "cib-4.raw.sig", "cib-5.raw", "cib-5.raw.sig");
        }
        Path newest = dir.resolve("cib-5.raw");
        assertThat(CibXml.parse(newest).version()).isEqualTo(new CibVersion(0, 5, 0));
        assertThat(Files.readString(dir.resolve("cib-5.raw.sig"))).isEqualTo(CibDigest.of(Files.readAllBytes(newest)));
    }

    @Test
    void aWriteThatNeverReachedTheRenameChangesNothing() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        store.write(cib(3));
        Files.writeString(dir.resolve("cib.xml.new"), "<cib admin_epoch=\"0\" epoch=\"9\"");
        Files.writeString(dir.resolve("cib.xml.sig.new"), "0123456789abcdef0123456789abcdef");

        CibDocument loaded = store().loadOrCreate(CibTemplate::empty);

        assertThat(loaded.version()).isEqualTo(new CibVersion(0, 3, 0));
        assertThat(dir.resolve("cib.xml.new")).doesNotExist();
        assertThat(dir.resolve("cib.xml.sig.new")).doesNotExist();
    }

    @Test
    void aWriteStoppedBetweenTheTwoRenamesIsFinished() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        store.write(cib(3));
        Path sig = dir.resolve("cib.xml.sig");
        Files.move(sig, dir.resolve("cib.xml.sig.new"));
        Files.writeString(sig, "ffffffffffffffffffffffffffffffff");

        assertThat(store().loadOrCreate(CibTemplate::empty).version()).isEqualTo(new CibVersion(0, 3, 0));
        assertThat(Files.readString(sig)).isEqualTo(CibDigest.of(Files.readAllBytes(dir.resolve("cib.xml"))));
    }

    @Test
    void onlyTheOwnerCanReadTheFiles() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        store.write(cib(2));

        for (String name : new String[] {"cib.xml", "cib.xml.sig", "cib-1.raw", "cib-1.raw.sig", "cib.last"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)))).as(name)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void aCorruptBackupCounterIsReportedOnWrite() throws Exception {
        CibStore store = store();
        store.loadOrCreate(CibTemplate::empty);
        Files.writeString(dir.resolve("cib.last"), "seven");

        assertThatThrownBy(() -> store.write(cib(2))).hasMessage(dir.resolve("cib.last")
                + " holds 'seven', not a backup number; remove it and the next backup is cib-1.raw");
        assertThat(CibXml.parse(dir.resolve("cib.xml")).version()).isEqualTo(CibTemplate.empty().version());
    }
}
