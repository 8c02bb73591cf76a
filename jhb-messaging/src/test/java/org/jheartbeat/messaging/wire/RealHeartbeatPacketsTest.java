package org.jheartbeat.messaging.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Datagrams captured from real Heartbeat 3.0.6 nodes (src/test/resources/wire/README.md). */
class RealHeartbeatPacketsTest {

    record Capture(String file, AuthKey key, boolean classic, byte[] packet) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Capture> captures() {
        Properties index = new Properties();
        try (InputStream in = resource("fixtures.properties")) {
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index.stringPropertyNames().stream().sorted().map(file -> {
            String[] words = index.getProperty(file).split(" ");
            String secret = words.length > 3 ? words[3] : "";
            AuthKey key = Keys.key(1, AuthMethod.byFileName(words[0]), secret);
            try (InputStream in = resource(file)) {
                return new Capture(file, key, words[1].equals("classic"), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String name) {
        InputStream in = RealHeartbeatPacketsTest.class.getResourceAsStream("/wire/" + name);
        assertThat(in).as("test resource wire/%s", name).isNotNull();
        return in;
    }

    @ParameterizedTest
    @MethodSource("captures")
    void acceptedWithTheRightKey(Capture capture) {
        Decoded decoded = WireCodec.decode(capture.packet(), capture.packet().length, Keys.only(capture.key()));

        assertThat(decoded.accepted()).as("%s", decoded).isTrue();
        assertThat(decoded.keyIndex()).isEqualTo(1);
        assertThat(decoded.innerAuthField()).isEqualTo(capture.classic());
        HaMessage message = decoded.message();
        assertThat(message.type()).isEqualTo(capture.file().replaceAll(".*-|\\.bin", ""));
        assertThat(message.get(FieldNames.SRC)).matches("node0[12]");
        assertThat(message.getBinary(FieldNames.SRC_UUID)).hasSize(16);
        assertThat(message.getHex(FieldNames.GENERATION)).isPositive();
        assertThat(message.getDecimal(FieldNames.TTL)).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void reencodingReproducesTheExactBytes(Capture capture) {
        HaMessage message = WireCodec.decode(capture.packet(), capture.packet().length, Keys.only(capture.key())).message();

        assertThat(WireCodec.encode(message, capture.key(), capture.classic())).isEqualTo(capture.packet());
    }

    @ParameterizedTest
    @MethodSource("captures")
    void rejectedWithAWrongSecretOrMethod(Capture capture) {
        AuthMethod method = capture.key().method();
        AuthKey wrong = method == AuthMethod.CRC ? Keys.key(1, AuthMethod.SHA1, "")
                : Keys.key(1, method, new String(capture.key().secret()) + "x");
        Decoded decoded = WireCodec.decode(capture.packet(), capture.packet().length, Keys.only(wrong));

        assertThat(decoded.accepted()).isFalse();
        assertThat(decoded.reason()).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void rejectedWhenTheSenderKeyNumberIsUnknown(Capture capture) {
        AuthKey other = Keys.key(2, capture.key().method(), new String(capture.key().secret()));
        Authkeys keys = new Authkeys(2, Map.of(2, other));

        assertThat(WireCodec.decode(capture.packet(), capture.packet().length, keys).reason())
                .isEqualTo(Reason.UNKNOWN_KEY_INDEX);
    }
}
