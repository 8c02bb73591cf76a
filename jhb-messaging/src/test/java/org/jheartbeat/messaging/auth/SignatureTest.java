package org.jheartbeat.messaging.auth;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignatureTest {

    private static final byte[] RFC2202_DATA = "what do ya want for nothing?".getBytes(US_ASCII);

    private static AuthKey key(AuthMethod method, String secret) {
        return new AuthKey(1, method, secret.getBytes(US_ASCII));
    }

    private static String digest(AuthKey key, byte[] data) {
        return Signature.digest(key, data, 0, data.length);
    }

    @Test
    void hmacsMatchTheRfcTestVectors() {
        assertThat(digest(key(AuthMethod.SHA1, "Jefe"), RFC2202_DATA))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(digest(key(AuthMethod.MD5, "Jefe"), RFC2202_DATA))
                .isEqualTo("750c783e6ab0b503eaa86e310a5db738");
        assertThat(digest(key(AuthMethod.SHA256, "Jefe"), RFC2202_DATA))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void digestCoversOnlyTheGivenRange() {
        byte[] padded = ("xx" + new String(RFC2202_DATA, US_ASCII) + "yy").getBytes(US_ASCII);
        assertThat(Signature.digest(key(AuthMethod.SHA1, "Jefe"), padded, 2, RFC2202_DATA.length))
                .isEqualTo("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }

    @Test
    void crcIsCrc32PosixWithoutLengthAndIgnoresTheSecret() {
        byte[] check = "123456789".getBytes(US_ASCII);
        assertThat(digest(key(AuthMethod.CRC, ""), check)).isEqualTo("765e7680");
        assertThat(digest(key(AuthMethod.CRC, "ignored"), check)).isEqualTo("765e7680");
    }

    @Test
    void crcIsPrintedWithoutZeroPadding() {
        assertThat(digest(key(AuthMethod.CRC, ""), "hb50".getBytes(US_ASCII))).isEqualTo("9d79af");
    }

    @Test
    void emptySecretIsUsableAndEqualsAZeroByteKey() {
        AuthKey empty = new AuthKey(1, AuthMethod.SHA1, new byte[0]);
        AuthKey zero = new AuthKey(1, AuthMethod.SHA1, new byte[1]);
        assertThat(digest(empty, RFC2202_DATA)).hasSize(40).isEqualTo(digest(zero, RFC2202_DATA));
    }

    @Test
    void verifyAcceptsOnlyTheExactLowercaseDigest() {
        AuthKey key = key(AuthMethod.SHA1, "Jefe");
        byte[] good = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79".getBytes(US_ASCII);
        assertThat(verify(key, good, 0, good.length)).isTrue();
        assertThat(verify(key, "EFFCDF6AE5EB2FA2D27416D5F184DF9C259A7C79".getBytes(US_ASCII), 0, 40)).isFalse();
        assertThat(verify(key, good, 0, 39)).isFalse();
        byte[] longer = "effcdf6ae5eb2fa2d27416d5f184df9c259a7c790".getBytes(US_ASCII);
        assertThat(verify(key, longer, 0, longer.length)).isFalse();
        byte[] lastWrong = good.clone();
        lastWrong[39] = '8';
        assertThat(verify(key, lastWrong, 0, 40)).isFalse();
        assertThat(verify(key(AuthMethod.SHA1, "Jeff"), good, 0, 40)).isFalse();
    }

    @Test
    void verifyReadsTheDigestFromAnOffset() {
        byte[] packet = "1 765e7680,".getBytes(US_ASCII);
        byte[] check = "123456789".getBytes(US_ASCII);
        assertThat(Signature.verify(key(AuthMethod.CRC, ""), check, 0, check.length, packet, 2, 8)).isTrue();
    }

    private static boolean verify(AuthKey key, byte[] expected, int off, int len) {
        return Signature.verify(key, RFC2202_DATA, 0, RFC2202_DATA.length, expected, off, len);
    }
}
