package org.jheartbeat.cib.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * {@code cib.xml} in the CIB directory, as Pacemaker keeps it: beside it {@code cib.xml.sig}
 * (see {@link CibDigest}), the versions it replaced as {@code cib-N.raw} with their own
 * {@code .sig}, and the number of the newest backup in {@code cib.last}. A file that does not
 * match its digest or does not parse is refused, never replaced.
 *
 * <p>A write puts the new {@code cib.xml} and its digest into {@code cib.xml.new} and
 * {@code cib.xml.sig.new}, forced to disk, then renames them over the old ones. If the node
 * stops between the two renames, the next load finds {@code cib.xml.sig.new} matching
 * {@code cib.xml} and finishes the write; any other leftover never took effect and is removed.
 */
public final class CibStore implements CibWriter {

    public static final int DEFAULT_BACKUPS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(CibStore.class);
    private static final Pattern BACKUP = Pattern.compile("cib-(\\d+)\\.raw(\\.sig)?");
    private static final DateTimeFormatter LAST_WRITTEN = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ROOT);

    private final Path directory;
    private final Clock clock;
    private final int backupsKept;
    private final Path cib;
    private final Path sig;

    public CibStore(Path directory, Clock clock) {
        this(directory, clock, DEFAULT_BACKUPS);
    }

    public CibStore(Path directory, Clock clock, int backupsKept) {
        if (backupsKept < 0) {
            throw new IllegalArgumentException("the number of backups to keep cannot be negative: " + backupsKept);
        }
        this.directory = directory;
        this.clock = clock;
        this.backupsKept = backupsKept;
        this.cib = directory.resolve("cib.xml");
        this.sig = directory.resolve("cib.xml.sig");
    }

    public Path directory() {
        return directory;
    }

    /**
     * The CIB on disk, after finishing a write a crash interrupted; on the first start (no
     * {@code cib.xml}) {@code emptyTemplate} is written and returned.
     */
    public synchronized CibDocument loadOrCreate(Supplier<CibDocument> emptyTemplate) throws CibStoreException {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
            }
            finishInterruptedWrite();
            if (!Files.exists(cib)) {
                LOG.info("No {}: writing an empty CIB (first start)", cib);
                write(emptyTemplate.get());
            }
            return load();
        } catch (IOException e) {
            throw new CibStoreException("cannot read or write the CIB in " + directory + ": " + e
                    + ". Check that the directory exists and belongs to the user the cluster runs as", e);
        }
    }

    /** Makes {@code document} the {@code cib.xml} on disk, keeping the one it replaces as a backup. */
    @Override
    public synchronized void write(CibDocument document) throws IOException {
        byte[] content = CibXml.toXml(stamped(document)).getBytes(StandardCharsets.UTF_8);
        Path cibNew = DurableFiles.pending(cib);
        Path sigNew = DurableFiles.pending(sig);
        DurableFiles.writeForced(cibNew, content);
        DurableFiles.writeForced(sigNew, CibDigest.of(content).getBytes(StandardCharsets.US_ASCII));
        if (Files.exists(cib)) {
            backUpCurrent();
        }
        DurableFiles.commit(cibNew, cib);
        DurableFiles.commit(sigNew, sig);
    }

    /** The newest {@code cib-N.raw}, if a write has replaced a {@code cib.xml} yet. */
    public synchronized Optional<Path> latestBackup() {
        try {
            return lastBackupNumber().map(this::backup).filter(Files::exists);
        } catch (IOException e) {
            LOG.warn("Cannot read {}: {}", directory.resolve("cib.last"), e.toString());
            return Optional.empty();
        }
    }

    private CibDocument load() throws IOException, CibStoreException {
        byte[] content = Files.readAllBytes(cib);
        if (Files.exists(sig)) {
            String expected = Files.readString(sig, StandardCharsets.US_ASCII).strip();
            String found = CibDigest.of(content);
            if (!expected.equalsIgnoreCase(found)) {
                throw new CibStoreException(cib + " was changed outside the cluster (digest " + expected + " expected, "
                        + found + " found); it was not loaded and is left as it is. " + remedy());
            }
        } else {
            LOG.warn("{} has no digest ({}): accepting it as written by hand; the next write adds one", cib, sig.getFileName());
        }
        try {
            return CibXml.parse(new ByteArrayInputStream(content), cib.toString());
        } catch (CibParseException e) {
            throw new CibStoreException(e.getMessage() + ". " + cib + " was not loaded and is left as it is. " + remedy(), e);
        }
    }

    private String remedy() {
        String backup = latestBackup().map(path -> path.getFileName() + " (the newest)").orElse("cib-N.raw");
        return "Restore the last good copy from " + backup + " with its .sig, remove " + sig.getFileName()
                + " only if you edited " + cib.getFileName() + " on purpose, or use cibadmin to load changes";
    }

    private void finishInterruptedWrite() throws IOException {
        Path sigNew = DurableFiles.pending(sig);
        if (Files.exists(sigNew) && Files.exists(cib)
                && Files.readString(sigNew, StandardCharsets.US_ASCII).strip().equals(CibDigest.of(Files.readAllBytes(cib)))) {
            LOG.warn("Finishing an interrupted write of {}: its digest was written but not yet in place", cib);
            DurableFiles.commit(sigNew, sig);
        }
        for (Path leftover : new Path[] {DurableFiles.pending(cib), sigNew}) {
            if (Files.deleteIfExists(leftover)) {
                LOG.warn("Removed {}, left by a write that did not finish", leftover);
            }
        }
    }

    private void backUpCurrent() throws IOException {
        long number = lastBackupNumber().orElse(0L) + 1;
        Path backup = backup(number);
        Files.deleteIfExists(backup);
        Files.createLink(backup, cib);
        DurableFiles.replace(backup.resolveSibling(backup.getFileName() + ".sig"),
                CibDigest.of(Files.readAllBytes(backup)).getBytes(StandardCharsets.US_ASCII));
        DurableFiles.replace(directory.resolve("cib.last"), Long.toString(number).getBytes(StandardCharsets.US_ASCII));
        removeBackupsUpTo(number - backupsKept);
    }

    private void removeBackupsUpTo(long oldestToRemove) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "cib-*.raw*")) {
            for (Path file : files) {
                Matcher matcher = BACKUP.matcher(file.getFileName().toString());
                if (matcher.matches() && Long.parseLong(matcher.group(1)) <= oldestToRemove) {
                    Files.delete(file);
                }
            }
        }
    }

    private Optional<Long> lastBackupNumber() throws IOException {
        Path last = directory.resolve("cib.last");
        if (!Files.exists(last)) {
            return Optional.empty();
        }
        String text = Files.readString(last, StandardCharsets.US_ASCII).strip();
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IOException(last + " holds '" + text + "', not a backup number; remove it and the next backup is cib-1.raw");
        }
    }

    private Path backup(long number) {
        return directory.resolve("cib-" + number + ".raw");
    }

    /** A copy carrying {@code cib-last-written}, as Pacemaker's on-disk CIB does. */
    private CibDocument stamped(CibDocument document) {
        Document copy = CibXml.copy(document.dom());
        copy.getDocumentElement().setAttribute("cib-last-written",
                LAST_WRITTEN.format(clock.wallTime().atZone(ZoneId.systemDefault())));
        return CibDocument.of(copy);
    }
}
