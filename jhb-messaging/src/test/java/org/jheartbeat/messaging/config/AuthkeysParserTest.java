package org.jheartbeat.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthkeysParserTest {

    @TempDir
    Path dir;

    private final AuthkeysParser withoutModeCheck = new AuthkeysParser(false);

    private Path write(String... lines) {
        return TestFiles.write(dir, "authkeys", lines);
    }

    private ParsedAuthkeys parse(String... lines) throws ConfigException {
        return withoutModeCheck.parse(write(lines));
    }

    private String errorOf(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).getMessage();
    }

    private String authkeys() {
        return dir.resolve("authkeys").toString();
    }

    @Test
    void readsTheSample() throws Exception {
        ParsedAuthkeys parsed = withoutModeCheck.parse(TestFiles.sample("authkeys"));

        assertThat(parsed.keys().activeIndex()).isEqualTo(1);
        assertThat(parsed.keys().active()).isEqualTo(
                new AuthKey(1, AuthMethod.SHA1, "s3cret-one".getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.keys().byIndex(2)).contains(
                new AuthKey(2, AuthMethod.MD5, "s3cret-two".getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.keys().byIndex(3)).contains(new AuthKey(3, AuthMethod.CRC, new byte[0]));
        assertThat(parsed.warnings()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------"})
    void ownerOnlyModesAreAccepted(String mode) throws Exception {
        Path file = write("auth 1", "1 sha256 secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));

        assertThat(new AuthkeysParser().parse(file).keys().active().method()).isEqualTo(AuthMethod.SHA256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--:644", "rw-r-----:640", "rw-rw----:660", "rw----r--:604", "rw-----w-:602"})
    void groupOrOtherPermissionIsRefused(String modeAndOctal) throws Exception {
        String[] parts = modeAndOctal.split(":");
        Path file = write("auth 1", "1 sha1 secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(parts[0]));

        ConfigException error = assertThrows(ConfigException.class, () -> new AuthkeysParser().parse(file));

        assertThat(error.getMessage()).isEqualTo(file + ": bad permissions " + parts[1] + " (" + parts[0] + "): the"
                + " file holds secrets, so group and others must have no access; 600 is required. Run: chmod 600 "
                + file);
    }

    @Test
    void missingAuthLine() {
        assertThat(errorOf("1 sha1 secret")).isEqualTo(authkeys() + ": 'auth': missing auth directive. Add a line"
                + " 'auth N' naming the key that signs outgoing packets, e.g. 'auth 1'");
    }

    @Test
    void authNamesAnUndefinedKey() {
        assertThat(errorOf("auth 2", "1 sha1 secret")).isEqualTo(authkeys() + ":1: 'auth': key 2 is not defined in"
                + " the file. Add a line '2 sha1 SECRET' or point auth at a defined key [1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"16", "-1", "x"})
    void keyIndexOutOfRange(String index) {
        assertThat(errorOf("auth 1", index + " sha1 secret")).isEqualTo(authkeys() + ":2: '" + index + "': '" + index
                + "' is not a key number from 0 to 15. Key lines are 'N METHOD [SECRET]' with N from 0 to 15; the"
                + " signing key is chosen by 'auth N'");
    }

    @Test
    void keyZeroIsAccepted() throws Exception {
        assertThat(parse("auth 0", "0 md5 secret").keys().activeIndex()).isZero();
    }

    @Test
    void methodNamesAreCaseSensitive() {
        assertThat(errorOf("auth 1", "1 SHA1 secret")).isEqualTo(authkeys() + ":2: '1': unknown method 'SHA1'. Use"
                + " one of crc, md5, sha1, sha256 (names are case-sensitive)");
    }

    @Test
    void keyLineWithoutMethod() {
        assertThat(errorOf("auth 1", "1")).startsWith(authkeys() + ":2: '1': key 1 has no method.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1", "md5", "sha256"})
    void hashMethodsNeedASecret(String method) {
        assertThat(errorOf("auth 1", "1 " + method)).isEqualTo(authkeys() + ":2: '1': method " + method
                + " requires a secret. Add one: '1 " + method + " SECRET' (a long random word without blanks)");
    }

    @Test
    void crcTakesNoSecret() {
        assertThat(errorOf("auth 1", "1 crc secret")).isEqualTo(authkeys() + ":2: '1': method crc takes no secret."
                + " Remove the secret, leaving '1 crc'");
    }

    @Test
    void secretIsTheFirstTokenOnly() throws Exception {
        ParsedAuthkeys parsed = parse("auth 1", "1 sha1 key with spaces");

        assertThat(parsed.keys().active().secret()).isEqualTo("key".getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.warnings()).containsExactly(authkeys() + ":2: '1': the secret is the first word only; the"
                + " rest of the line is ignored. Remove the blanks from the secret");
    }

    @Test
    void trailingCommentIsNotPartOfTheSecretButHashInsideIs() throws Exception {
        assertThat(parse("auth 1", "  1\tsha1   abc # trailing").keys().active().secret())
                .isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertThat(parse("auth 1", "1 sha1 ab#c").keys().active().secret())
                .isEqualTo("ab#c".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void lastAuthLineWins() throws Exception {
        ParsedAuthkeys parsed = parse("auth 1", "auth 2", "1 sha1 a", "2 md5 b");

        assertThat(parsed.keys().activeIndex()).isEqualTo(2);
        assertThat(parsed.warnings()).containsExactly(authkeys() + ":2: 'auth': appears again (first at line 1);"
                + " the last one wins");
    }

    @Test
    void lastDefinitionOfAKeyWins() throws Exception {
        ParsedAuthkeys parsed = parse("auth 1", "1 sha1 old", "1 md5 new");

        assertThat(parsed.keys().active()).isEqualTo(
                new AuthKey(1, AuthMethod.MD5, "new".getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed.warnings()).containsExactly(authkeys() + ":3: '1': key 1 is defined again; the last"
                + " definition wins");
    }

    @Test
    void missingFile() {
        ConfigException error = assertThrows(ConfigException.class, () -> withoutModeCheck.parse(dir.resolve("nope")));

        assertThat(error.getMessage()).isEqualTo(dir.resolve("nope") + ": file not found. Create it (see"
                + " docs/configuration.md)");
    }
}
