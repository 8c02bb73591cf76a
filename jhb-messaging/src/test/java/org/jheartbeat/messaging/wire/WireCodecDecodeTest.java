package org.jheartbeat.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jheartbeat.messaging.wire.Packets.bytes;
import static org.jheartbeat.messaging.wire.Packets.text;

import java.util.Map;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;
import org.junit.jupiter.api.Test;

class WireCodecDecodeTest {

    private static final AuthKey SHA1 = Keys.sha1();
    private static final Authkeys KEYS = Keys.only(SHA1);
    private static final String PING = "###\n11:(0)t=status,13:(0)src=node02,%%%\n";

    private static Decoded decode(byte[] packet) {
        return WireCodec.decode(packet, packet.length, KEYS);
    }

    private static Decoded decode(String packet) {
        return decode(bytes(packet));
    }

    private static void assertRejected(Decoded decoded, Reason reason, String detail) {
        assertThat(decoded.accepted()).isFalse();
        assertThat(decoded.reason()).isEqualTo(reason);
        assertThat(decoded.detail()).isEqualTo(detail);
    }

    @Test
    void roundTripsEveryMethodAndMode() {
        HaMessage message = WireCodecEncodeTest.dumpedStatus();
        for (AuthMethod method : AuthMethod.values()) {
            AuthKey key = Keys.key(3, method, method.needsKey() ? "k" : "");
            for (boolean classic : new boolean[] {true, false}) {
                byte[] packet = WireCodec.encode(message, key, classic);
                Decoded decoded = WireCodec.decode(packet, packet.length, Keys.only(key));
                assertThat(decoded.accepted()).as("%s classic=%s", method, classic).isTrue();
                assertThat(decoded.message()).isEqualTo(message);
                assertThat(decoded.keyIndex()).isEqualTo(3);
                assertThat(decoded.format()).isEqualTo(WireFormat.NETSTRING);
                assertThat(decoded.innerAuthField()).isEqualTo(classic);
            }
        }
    }

    @Test
    void decodesOnlyTheGivenLength() {
        byte[] packet = WireCodec.encode(WireCodecEncodeTest.dumpedStatus(), SHA1, true);
        byte[] buffer = new byte[65536];
        System.arraycopy(packet, 0, buffer, 0, packet.length);
        buffer[packet.length] = 'x';
        assertThat(WireCodec.decode(buffer, packet.length, KEYS).accepted()).isTrue();
    }

    @Test
    void checksWithMethodAndSecretOfTheKeyThePacketNames() {
        AuthKey active = Keys.key(1, AuthMethod.SHA1, "old");
        AuthKey next = Keys.key(2, AuthMethod.MD5, "new");
        Authkeys keys = new Authkeys(1, Map.of(1, active, 2, next));
        byte[] packet = WireCodec.encode(HaMessage.builder("status").build(), next, true);

        Decoded decoded = WireCodec.decode(packet, packet.length, keys);
        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.keyIndex()).isEqualTo(2);
    }

    @Test
    void innerAuthFieldIsNotCheckedButDropped() {
        Decoded decoded = decode(Packets.withTrailer("###\n11:(0)t=status,15:(0)auth=1 bogus,%%%\n", SHA1));
        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.innerAuthField()).isTrue();
        assertThat(decoded.message().fields()).extracting(HaField::name).containsExactly("t");
    }

    @Test
    void unknownFieldsAndAnyOrderAreKept() {
        Decoded decoded = decode(Packets.withTrailer("###\n13:(0)src=node02,10:(0)foo=bar,11:(0)t=status,%%%\n", SHA1));
        assertThat(decoded.message().fields()).extracting(HaField::toString)
                .containsExactly("src=node02", "foo=bar", "t=status");
    }

    @Test
    void acceptsClassicText() {
        AuthKey md5 = Keys.key(4, AuthMethod.MD5, "m");
        byte[] packet = Packets.classicText("t=status\n(1)srcuuid=AAEC/w==\nld=1.0 2.0\n", md5);

        Decoded decoded = WireCodec.decode(packet, packet.length, Keys.only(md5));
        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.format()).isEqualTo(WireFormat.CLASSIC_TEXT);
        assertThat(decoded.keyIndex()).isEqualTo(4);
        assertThat(decoded.innerAuthField()).isFalse();
        assertThat(decoded.message().fields()).extracting(HaField::toString)
                .containsExactly("t=status", "srcuuid=<000102ff>", "ld=1.0 2.0");
        assertThat(decoded.message().fields().get(1).type()).isEqualTo(FieldType.BINARY);
    }

    @Test
    void classicTextAuthLineMaySitAnywhere() {
        Decoded decoded = decode(Packets.classicText("t=status\n", "src=node02\n", SHA1));
        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.message().fields()).extracting(HaField::name).containsExactly("t", "src");
    }

    @Test
    void classicTextSignedOverTheInnerAuthTextMatchesTheNetstringInnerField() {
        HaMessage message = WireCodecEncodeTest.dumpedStatus();
        String classic = text(ClassicText.of(message.fields()));
        String netstring = text(WireCodec.encode(message, SHA1, true));
        String innerDigest = netstring.substring(netstring.indexOf("auth=1 ") + 7, netstring.indexOf(",%%%"));

        Decoded decoded = decode(">>>\n" + classic + "auth=1 " + innerDigest + "\n<<<\n");
        assertThat(decoded.accepted()).isTrue();
        assertThat(decoded.message()).isEqualTo(message);
    }

    @Test
    void rejectsGarbage() {
        assertRejected(decode("hello"), Reason.MALFORMED, "offset 0: expected ###\\n (netstring) or >>>\\n (classic text)");
        assertRejected(decode(""), Reason.MALFORMED, "offset 0: expected ###\\n (netstring) or >>>\\n (classic text)");
        assertRejected(WireCodec.decode(null, 0, KEYS), Reason.MALFORMED, "length 0 outside the buffer of null");
        assertRejected(WireCodec.decode(new byte[4], 5, KEYS), Reason.MALFORMED, "length 5 outside the buffer of 4 bytes");
        assertRejected(WireCodec.decode(new byte[4], -1, KEYS), Reason.MALFORMED, "length -1 outside the buffer of 4 bytes");
    }

    @Test
    void rejectsOversizedDatagrams() {
        byte[] huge = new byte[WireCodec.MAX_DATAGRAM_BYTES + 1];
        assertRejected(decode(huge), Reason.TOO_LARGE, "60001 bytes, more than 60000");
    }

    @Test
    void rejectsBrokenNetstrings() {
        String lengthOrEnd = "expected a netstring length (decimal, no leading zero) and ':' or the %%% line";
        assertRejected(decode("###\n011:(0)t=status,%%%\n"), Reason.MALFORMED, "offset 4: " + lengthOrEnd);
        assertRejected(decode("###\nx"), Reason.MALFORMED, "offset 4: " + lengthOrEnd);
        assertRejected(decode("###\n1234567:"), Reason.MALFORMED, "offset 4: " + lengthOrEnd);
        assertRejected(decode("###\n"), Reason.MALFORMED, "offset 4: packet ends before the %%% line");
        assertRejected(decode("###\n11:(0)t=status,"), Reason.MALFORMED, "offset 19: packet ends before the %%% line");
        assertRejected(decode("###\n12:(0)t=status,%%%\n"), Reason.MALFORMED,
                "offset 19: expected ',' after a field of 12 bytes");
        assertRejected(decode("###\n99:(0)t=status,%%%\n"), Reason.MALFORMED,
                "offset 7: field of 99 bytes runs past the end of the 23-byte packet");
        assertRejected(decode("###\n7:[0]t=st,%%%\n"), Reason.MALFORMED, "offset 6: expected a type tag (0) or (1)");
        assertRejected(decode("###\n2:(0,%%%\n"), Reason.MALFORMED, "offset 6: expected a type tag (0) or (1)");
        assertRejected(decode("###\n7:(2)t=st,%%%\n"), Reason.MALFORMED,
                "offset 7: field type '2' not supported (only 0 string and 1 binary)");
        String name = "expected a field name (1 to 64 printable ASCII characters, no '=') and '='";
        assertRejected(decode("###\n7:(0)t st,%%%\n"), Reason.MALFORMED, "offset 9: " + name);
        assertRejected(decode("###\n6:(0)=st,%%%\n"), Reason.MALFORMED, "offset 9: " + name);
        assertRejected(decode("###\n8:(0)a b=c,%%%\n"), Reason.MALFORMED, "offset 9: " + name);
    }

    @Test
    void rejectsBrokenTrailers() {
        String signed = text(WireCodec.encode(WireCodecEncodeTest.dumpedStatus(), SHA1, false));
        int end = signed.indexOf("%%%\n") + 4;
        String body = signed.substring(0, end);
        String trailer = signed.substring(end);
        String trailerLength = "expected a netstring length (decimal, no leading zero) and ':' for the authentication trailer";

        assertRejected(decode(body + "0" + trailer), Reason.MALFORMED, "offset " + end + ": " + trailerLength);
        assertRejected(decode(body + "x"), Reason.MALFORMED, "offset " + end + ": " + trailerLength);
        assertRejected(decode(signed + "x"), Reason.MALFORMED, "offset " + (signed.length() - 1)
                + ": the authentication trailer of 42 bytes and its ',' must end the packet (" + (signed.length() + 1) + " bytes)");
        assertRejected(decode(signed.substring(0, signed.length() - 1)), Reason.MALFORMED, "offset "
                + (signed.length() - 1) + ": the authentication trailer of 42 bytes and its ',' must end the packet ("
                + (signed.length() - 1) + " bytes)");
        String keyAndDigest = ": expected '<key number> <digest>' (key number 0 to 15 without leading zero)";
        assertRejected(decode(body + "43:01" + trailer.substring(4)), Reason.MALFORMED, "offset " + (end + 3) + keyAndDigest);
        assertRejected(decode(body + "41:1" + trailer.substring(5)), Reason.MALFORMED, "offset " + (end + 3) + keyAndDigest);
        assertRejected(decode(body + "2:1 ,"), Reason.MALFORMED, "offset " + (end + 2) + keyAndDigest);
    }

    @Test
    void rejectsMissingAuthentication() {
        assertRejected(decode(PING), Reason.NO_AUTH, "offset 40: no authentication trailer after %%%");
        assertRejected(decode(">>>\nt=status\n<<<\n"), Reason.NO_AUTH, "offset 13: no auth line before <<<");
    }

    @Test
    void rejectsUnknownKeyNumbers() {
        byte[] packet = Packets.withTrailer(PING, Keys.key(2, AuthMethod.SHA1, Keys.SECRET));
        assertRejected(decode(packet), Reason.UNKNOWN_KEY_INDEX, "signed with key 2, which authkeys does not define (defined: [1])");
    }

    @Test
    void rejectsWrongSecretsMethodsAndAlterations() {
        String badDigest = "digest at offset 45 does not match key 1 sha1: different secret or method, or the packet was altered";
        assertRejected(decode(Packets.withTrailer(PING, Keys.key(1, AuthMethod.SHA1, "wrong"))), Reason.BAD_SIGNATURE, badDigest);
        assertRejected(decode(Packets.withTrailer(PING, Keys.key(1, AuthMethod.MD5, Keys.SECRET))), Reason.BAD_SIGNATURE, badDigest);
        byte[] altered = Packets.withTrailer(PING, SHA1);
        altered[16] = 'S';
        assertRejected(decode(altered), Reason.BAD_SIGNATURE, badDigest);
        assertThat(decode(altered).detail()).doesNotContain(Keys.SECRET);
    }

    @Test
    void rejectsBrokenClassicText() {
        byte[] good = Packets.classicText("t=status\n", SHA1);
        String text = text(good);
        assertRejected(decode(text.substring(0, text.length() - 1)), Reason.MALFORMED,
                "offset 61: line without newline; the packet must end with the <<< line");
        assertRejected(decode(text + "\n"), Reason.MALFORMED, "offset 65: nothing may follow the <<< line");
        assertRejected(decode(text.replace("t=status\n", "t=status\nauth=1 x\n")), Reason.MALFORMED, "offset 22: a second auth line");
        assertRejected(decode(text.replace("t=status\n", "t=status\n\n")), Reason.MALFORMED,
                "offset 13: expected a field name (1 to 64 printable ASCII characters, no '=') and '='");
        assertRejected(decode(text.replace("t=status\n", "(0)t=status\n")), Reason.MALFORMED,
                "offset 4: expected a field name (1 to 64 printable ASCII characters, no '=') and '='");
        assertRejected(decode(Packets.classicText("(1)u=not base64!\n", SHA1)), Reason.MALFORMED,
                "offset 9: expected base64 for binary field");
        assertRejected(decode(text.replace("t=status", "t=statuS")), Reason.BAD_SIGNATURE,
                "digest at offset 20 does not match key 1 sha1: different secret or method, or the packet was altered");
    }

    @Test
    void accessorsOfTheOtherOutcomeAreProgrammingErrors() {
        Decoded rejected = decode("hello");
        assertThatThrownBy(rejected::message).isInstanceOf(IllegalStateException.class)
                .hasMessage("packet was rejected (MALFORMED), it has no message");
        Decoded accepted = decode(WireCodec.encode(HaMessage.builder("status").build(), SHA1, false));
        assertThatThrownBy(accepted::reason).isInstanceOf(IllegalStateException.class)
                .hasMessage("packet was accepted, it has no rejection reason");
        assertThat(accepted).hasToString("accepted NETSTRING t=status key 1");
        assertThat(rejected.toString()).startsWith("MALFORMED: offset 0:");
    }
}
