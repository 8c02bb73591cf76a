package org.jheartbeat.cib.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.request.CibRequest;
import org.jheartbeat.cib.xml.ContentDigest;
import org.jheartbeat.messaging.wire.HaMessage;

/**
 * The cluster messages of CIB replication, carried by the messaging layer (signed, ordered per
 * sender, retransmitted). XML travels in binary fields; a whole CIB is gzipped and cut into parts
 * that each fit one datagram.
 *
 * <pre>
 * cib_dc      DC → all     ver, digest              "I am DC and hold this version (with this content)"
 * cib_diff    DC → all     from, to, patch, digest  a change, as a patch from one version to the next
 * cib_applied → DC         ver                      "this version is on my disk"
 * cib_sync    → DC                                  "send me the whole CIB"
 * cib_full    → one/all    ver, part, parts, data   the whole CIB, gzipped, in parts
 * cib_req     → DC         id, op, scope, xpath, xml, allow_create, force   a client's change
 * cib_reply   DC → origin  id, code, message, ver   its outcome, once a majority has it on disk
 * </pre>
 */
final class CibMessages {

    static final String DC = "cib_dc";
    static final String DIFF = "cib_diff";
    static final String APPLIED = "cib_applied";
    static final String SYNC = "cib_sync";
    static final String FULL = "cib_full";
    static final String REQUEST = "cib_req";
    static final String REPLY = "cib_reply";
    static final String OK = "OK";
    /** Compressed bytes per part, well inside one datagram with the signature and common fields. */
    static final int PART_BYTES = 30_000;

    private CibMessages() {
    }

    static HaMessage.Builder to(String type, String dest) {
        HaMessage.Builder builder = HaMessage.builder().string("t", type);
        if (dest != null) {
            builder.string("dest", dest);
        }
        return builder;
    }

    static String version(CibVersion version) {
        return version.toString();
    }

    static CibVersion version(String text) {
        String[] parts = text.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a CIB version (admin_epoch.epoch.num_updates): " + text);
        }
        return new CibVersion(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    /** The digest of the CIB's content, which members compare with the DC's to find a copy that drifted. */
    static String digest(CibDocument cib) {
        return ContentDigest.of(cib);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(HaMessage message, String field) {
        byte[] value = message.getBinary(field);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    static HaMessage request(String dest, String id, CibRequest request) {
        HaMessage.Builder builder = to(REQUEST, dest).string("id", id).string("op", request.operation().name())
                .string("allow_create", Boolean.toString(request.allowCreate()))
                .string("force", Boolean.toString(request.force()));
        if (request.scope() != null) {
            builder.string("scope", request.scope());
        }
        if (request.xpath() != null) {
            builder.binary("xpath", utf8(request.xpath()));
        }
        if (request.xml() != null) {
            builder.binary("xml", utf8(request.xml()));
        }
        return builder.build();
    }

    static CibRequest request(HaMessage message) {
        return new CibRequest(CibRequest.Operation.valueOf(message.get("op")), message.get("scope"),
                text(message, "xpath"), text(message, "xml"), Boolean.parseBoolean(message.get("allow_create")),
                Boolean.parseBoolean(message.get("force")));
    }

    /** The gzipped CIB text cut into parts of at most {@link #PART_BYTES}. */
    static List<byte[]> parts(String xml) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(utf8(xml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = compressed.toByteArray();
        List<byte[]> parts = new ArrayList<>();
        for (int offset = 0; offset < all.length; offset += PART_BYTES) {
            parts.add(Arrays.copyOfRange(all, offset, Math.min(all.length, offset + PART_BYTES)));
        }
        return parts;
    }

    static String joined(List<byte[]> parts) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            compressed.write(part);
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new java.io.ByteArrayInputStream(compressed.toByteArray()))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
