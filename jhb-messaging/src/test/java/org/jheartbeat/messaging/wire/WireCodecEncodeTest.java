package org.jheartbeat.messaging.wire;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Signature;
import org.junit.jupiter.api.Test;

/** Encodings written by hand from the annotated dump in heartbeat-real.md section 4.5. */
class WireCodecEncodeTest {

    private static final byte[] SRC_UUID = HexFormat.of().parseHex("936af3d8e6334390802bc467f969741d");
    private static final String UUID_TEXT = new String(SRC_UUID, ISO_8859_1);
    private static final String FIELDS = "11:(0)t=status,12:(0)st=active,9:(0)dt=3e8,13:(0)protocol=1,"
            + "13:(0)src=node02,27:(1)srcuuid=" + UUID_TEXT + ",10:(0)seq=230,"
            + "14:(0)hg=6b05e630,14:(0)ts=6b05e69d,32:(0)ld=1.01 1.02 0.85 2/108 11327,8:(0)ttl=3,";

    static HaMessage dumpedStatus() {
        return HaMessage.builder(MessageTypes.STATUS)
                .string(FieldNames.STATUS, "active")
                .hex(FieldNames.DEADTIME, 1000)
                .decimal(FieldNames.PROTOCOL, 1)
                .string(FieldNames.SRC, "node02")
                .binary(FieldNames.SRC_UUID, SRC_UUID)
                .hex(FieldNames.SEQ, 0x230)
                .hex(FieldNames.GENERATION, 0x6b05e630L)
                .hex(FieldNames.TIMESTAMP, 0x6b05e69dL)
                .string(FieldNames.LOAD, "1.01 1.02 0.85 2/108 11327")
                .decimal(FieldNames.TTL, 3)
                .build();
    }

    private static String text(byte[] packet) {
        return new String(packet, ISO_8859_1);
    }

    @Test
    void classicModeReproducesTheCapturedPacketByteForByte() {
        byte[] packet = WireCodec.encode(dumpedStatus(), Keys.sha1(), true);

        assertThat(text(packet)).isEqualTo("###\n" + FIELDS
                + "50:(0)auth=1 729f21387bd2fb0e110469565048e60c1532e454,%%%\n"
                + "42:1 a63c1d3e42727f735ffc7918d3c7cd3b2f9772f2,");
        assertThat(packet).hasSize(313);
    }

    @Test
    void innerAuthCoversTheClassicTextOfTheOtherFields() {
        String classic = "t=status\nst=active\ndt=3e8\nprotocol=1\nsrc=node02\n(1)srcuuid=k2rz2OYzQ5CAK8Rn+Wl0HQ==\n"
                + "seq=230\nhg=6b05e630\nts=6b05e69d\nld=1.01 1.02 0.85 2/108 11327\nttl=3\n";
        byte[] bytes = classic.getBytes(ISO_8859_1);
        assertThat(Signature.digest(Keys.sha1(), bytes, 0, bytes.length))
                .isEqualTo("729f21387bd2fb0e110469565048e60c1532e454");
    }

    @Test
    void netstringModeHasNoInnerAuthField() {
        String packet = text(WireCodec.encode(dumpedStatus(), Keys.sha1(), false));

        assertThat(packet).startsWith("###\n" + FIELDS + "%%%\n42:1 ").endsWith(",").doesNotContain("auth=");
        byte[] signed = ("###\n" + FIELDS + "%%%\n").getBytes(ISO_8859_1);
        assertThat(packet).endsWith("42:1 " + Signature.digest(Keys.sha1(), signed, 0, signed.length) + ",");
    }

    @Test
    void trailerCarriesTheKeyNumberAndTheMethodsDigestLength() {
        AuthKey md5 = Keys.key(7, AuthMethod.MD5, "x");
        AuthKey crc = Keys.key(12, AuthMethod.CRC, "");

        assertThat(text(WireCodec.encode(dumpedStatus(), md5, false))).matches("(?s).*%%%\n34:7 [0-9a-f]{32},");
        assertThat(text(WireCodec.encode(dumpedStatus(), md5, true)))
                .matches("(?s).*,42:\\(0\\)auth=7 [0-9a-f]{32},%%%\n34:7 [0-9a-f]{32},");
        String crcPacket = text(WireCodec.encode(dumpedStatus(), crc, false));
        String digest = crcPacket.substring(crcPacket.lastIndexOf(' ') + 1, crcPacket.length() - 1);
        assertThat(crcPacket).endsWith("%%%\n" + (3 + digest.length()) + ":12 " + digest + ",");
        assertThat(digest).matches("[1-9a-f][0-9a-f]{0,7}");
    }

    @Test
    void emptyMessageIsJustTheFrame() {
        String packet = text(WireCodec.encode(HaMessage.builder().build(), Keys.sha1(), false));
        assertThat(packet).matches("###\n%%%\n42:1 [0-9a-f]{40},");
    }

    @Test
    void refusesMessagesLargerThanADatagram() {
        HaMessage big = HaMessage.builder(MessageTypes.RESOURCE).binary("blob", new byte[WireCodec.MAX_DATAGRAM_BYTES]).build();

        assertThatThrownBy(() -> WireCodec.encode(big, Keys.sha1(), false))
                .isInstanceOfSatisfying(MessageTooLargeException.class, e -> {
                    // ###\n, 13:(0)t=resource, (17), 60008:(1)blob=...,  (60015), %%%\n, 42:1 <40 hex>, (46)
                    assertThat(e.size()).isEqualTo(4 + 17 + 60015 + 4 + 46);
                    assertThat(e.limit()).isEqualTo(60000);
                    assertThat(e.messageType()).isEqualTo("resource");
                })
                .hasMessage("message t=resource encodes to 60086 bytes, more than the 60000-byte datagram limit; "
                        + "send less data per message (split it into several)");
    }

    @Test
    void largestMessageThatFitsIsSent() {
        // 71 bytes of frame, type field and trailer; "59922:(1)blob=" + value + "," is the rest
        int room = WireCodec.MAX_DATAGRAM_BYTES - 71 - 5 - 10;
        HaMessage exact = HaMessage.builder(MessageTypes.RESOURCE).binary("blob", new byte[room]).build();
        HaMessage oneMore = HaMessage.builder(MessageTypes.RESOURCE).binary("blob", new byte[room + 1]).build();

        assertThat(WireCodec.encode(exact, Keys.sha1(), false)).hasSize(WireCodec.MAX_DATAGRAM_BYTES);
        assertThatThrownBy(() -> WireCodec.encode(oneMore, Keys.sha1(), false))
                .isInstanceOf(MessageTooLargeException.class);
    }
}
