package org.jheartbeat.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;

class WireCodecPropertiesTest {

    private static final AuthKey SHA1 = Keys.sha1();
    private static final AuthKey CRC = Keys.key(1, AuthMethod.CRC, "");

    @Property
    void randomBytesAreNeverAcceptedAndNeverThrow(@ForAll @Size(max = 400) byte[] noise,
                                                  @ForAll("prefixes") String prefix) {
        byte[] packet = Packets.bytes(prefix + Packets.text(noise));
        for (AuthKey key : List.of(SHA1, CRC)) {
            assertThat(WireCodec.decode(packet, packet.length, Keys.only(key)).accepted()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", "###\n", ">>>\n", "###\n11:(0)t=status,", "###\n%%%\n");
    }

    @Property
    void mutatedPacketsAreRejectedUnlessUnchanged(@ForAll("validPackets") Signed valid,
                                                  @ForAll("mutations") Mutation mutation) {
        byte[] mutated = mutation.apply(valid.packet());
        Decoded decoded = WireCodec.decode(mutated, mutated.length, Keys.only(valid.key()));

        assertThat(decoded.accepted()).isEqualTo(Arrays.equals(mutated, valid.packet()));
    }

    @Property
    void truncatedPacketsAreRejected(@ForAll("validPackets") Signed valid, @ForAll @IntRange(min = 0, max = 400) int cut) {
        int length = Math.min(cut, valid.packet().length - 1);
        assertThat(WireCodec.decode(valid.packet(), length, Keys.only(valid.key())).accepted()).isFalse();
    }

    @Property
    void encodeThenDecodeGivesTheSameFields(@ForAll("messages") HaMessage message,
                                            @ForAll("keys") AuthKey key, @ForAll boolean classic) {
        byte[] packet = WireCodec.encode(message, key, classic);
        Decoded decoded = WireCodec.decode(packet, packet.length, Keys.only(key));

        assertThat(decoded.accepted()).as("%s", decoded).isTrue();
        assertThat(decoded.message()).isEqualTo(message);
    }

    @Property
    void classicTextOfAMessageDecodesToTheSameFields(@ForAll("messages") HaMessage message, @ForAll("keys") AuthKey key) {
        byte[] packet = Packets.classicText(Packets.text(ClassicText.of(message.fields())), key);
        Decoded decoded = WireCodec.decode(packet, packet.length, Keys.only(key));

        assertThat(decoded.accepted()).as("%s", decoded).isTrue();
        assertThat(decoded.message()).isEqualTo(message);
    }

    record Signed(byte[] packet, AuthKey key) {
        @Override
        public String toString() {
            return key + " " + Packets.text(packet);
        }
    }

    /** A bit flip, a byte insertion or a truncation at a position relative to the length. */
    record Mutation(int kind, double where, int bit, byte inserted) {
        byte[] apply(byte[] packet) {
            int at = (int) (where * packet.length);
            return switch (kind) {
                case 0 -> {
                    byte[] flipped = packet.clone();
                    flipped[Math.min(at, packet.length - 1)] ^= (byte) (1 << bit);
                    yield flipped;
                }
                case 1 -> {
                    byte[] longer = new byte[packet.length + 1];
                    System.arraycopy(packet, 0, longer, 0, at);
                    longer[at] = inserted;
                    System.arraycopy(packet, at, longer, at + 1, packet.length - at);
                    yield longer;
                }
                default -> Arrays.copyOf(packet, at);
            };
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(0, 7), Arbitraries.bytes()).as(Mutation::new);
    }

    @Provide
    Arbitrary<Signed> validPackets() {
        Arbitrary<Signed> encoded = Combinators.combine(messages(), keys(), Arbitraries.of(true, false))
                .as((message, key, classic) -> new Signed(WireCodec.encode(message, key, classic), key));
        Arbitrary<Signed> classicText = Combinators.combine(messages(), keys())
                .as((message, key) -> new Signed(Packets.classicText(Packets.text(ClassicText.of(message.fields())), key), key));
        Arbitrary<Signed> captured = Arbitraries.of(RealHeartbeatPacketsTest.captures()
                .map(capture -> new Signed(capture.packet(), capture.key())).toList());
        return Arbitraries.oneOf(encoded, classicText, captured);
    }

    @Provide
    Arbitrary<AuthKey> keys() {
        return Arbitraries.of(AuthMethod.values()).map(method -> Keys.key(
                1, method, method.needsKey() ? "secret-" + method.fileName() : ""));
    }

    @Provide
    Arbitrary<HaMessage> messages() {
        Arbitrary<String> names = Arbitraries.strings().withCharRange('!', '~').excludeChars('=')
                .ofMinLength(1).ofMaxLength(FieldNames.MAX_LENGTH)
                .filter(name -> FieldNames.problem(name) == null);
        Arbitrary<String> texts = Arbitraries.strings().all().excludeChars('\n', '\0').ofMaxLength(40);
        Arbitrary<byte[]> binaries = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<FieldSpec> fields = Combinators.combine(names, Arbitraries.of(true, false), texts, binaries)
                .as(FieldSpec::new);
        return fields.list().ofMaxSize(12).map(list -> {
            HaMessage.Builder builder = HaMessage.builder();
            for (FieldSpec field : list) {
                if (field.binary()) {
                    builder.binary(field.name(), field.bytes());
                } else {
                    builder.string(field.name(), field.text());
                }
            }
            return builder.build();
        });
    }

    record FieldSpec(String name, boolean binary, String text, byte[] bytes) {
    }
}
