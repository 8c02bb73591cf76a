package org.jheartbeat.messaging.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.messaging.auth.AuthKey;
import org.jheartbeat.messaging.auth.AuthMethod;
import org.jheartbeat.messaging.auth.Authkeys;

/**
 * Reads authkeys: {@code auth N} picks the signing key, {@code N METHOD [SECRET]} lines define keys.
 * As in Heartbeat, the secret is the first token after the method, and the file must not be
 * accessible to group or others.
 */
public final class AuthkeysParser {

    private static final int MAX_INDEX = 15;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private final boolean checkMode;

    /** A parser that refuses files readable or writable by group or others, as the daemon must. */
    public AuthkeysParser() {
        this(true);
    }

    /** {@code checkMode false} skips the permission check (for tests of the other rules only). */
    public AuthkeysParser(boolean checkMode) {
        this.checkMode = checkMode;
    }

    public ParsedAuthkeys parse(Path file) throws ConfigException {
        if (checkMode) {
            checkPermissions(file);
        }
        List<String> warnings = new ArrayList<>();
        Map<Integer, AuthKey> keys = new LinkedHashMap<>();
        ConfigLine authLine = null;
        for (ConfigLine line : ConfigFileReader.read(file, ConfigFileReader.BLANKS, false)) {
            if (line.directive().equals("auth")) {
                if (authLine != null) {
                    warnings.add(line.warning("appears again (first at line " + authLine.number()
                            + "); the last one wins"));
                }
                authLine = line;
            } else {
                AuthKey key = key(line, warnings);
                if (keys.put(key.index(), key) != null) {
                    warnings.add(line.warning("key " + key.index() + " is defined again; the last definition wins"));
                }
            }
        }
        if (authLine == null) {
            throw new ConfigException(file, 0, "auth", "missing auth directive",
                    "Add a line 'auth N' naming the key that signs outgoing packets, e.g. 'auth 1'");
        }
        ConfigValues.requireCount(authLine, 1, 1, "auth N");
        int active = index(authLine, authLine.values().get(0));
        if (!keys.containsKey(active)) {
            throw authLine.error("key " + active + " is not defined in the file",
                    "Add a line '" + active + " sha1 SECRET' or point auth at a defined key " + keys.keySet());
        }
        return new ParsedAuthkeys(new Authkeys(active, keys), warnings);
    }

    private static AuthKey key(ConfigLine line, List<String> warnings) throws ConfigException {
        int index = index(line, line.directive());
        if (line.values().isEmpty()) {
            throw line.error("key " + index + " has no method", "Write it as 'N METHOD [SECRET]', e.g. '1 sha1 SECRET'");
        }
        String methodName = line.values().get(0);
        AuthMethod method = AuthMethod.byFileName(methodName);
        if (method == null) {
            throw line.error("unknown method '" + methodName + "'", "Use one of " + Arrays.stream(AuthMethod.values())
                    .map(AuthMethod::fileName).collect(Collectors.joining(", ")) + " (names are case-sensitive)");
        }
        List<String> rest = line.values().subList(1, line.values().size());
        if (!method.needsKey()) {
            if (!rest.isEmpty()) {
                throw line.error("method crc takes no secret", "Remove the secret, leaving '" + index + " crc'");
            }
            return new AuthKey(index, method, new byte[0]);
        }
        if (rest.isEmpty()) {
            throw line.error("method " + methodName + " requires a secret",
                    "Add one: '" + index + " " + methodName + " SECRET' (a long random word without blanks)");
        }
        if (rest.size() > 1) {
            warnings.add(line.warning("the secret is the first word only; the rest of the line is ignored."
                    + " Remove the blanks from the secret"));
        }
        return new AuthKey(index, method, rest.get(0).getBytes(StandardCharsets.UTF_8));
    }

    private static int index(ConfigLine line, String text) throws ConfigException {
        try {
            int index = Integer.parseInt(text);
            if (index >= 0 && index <= MAX_INDEX) {
                return index;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw line.error("'" + text + "' is not a key number from 0 to " + MAX_INDEX,
                "Key lines are 'N METHOD [SECRET]' with N from 0 to 15; the signing key is chosen by 'auth N'");
    }

    private static void checkPermissions(Path file) throws ConfigException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (IOException | UnsupportedOperationException unreadable) {
            throw new ConfigException(file, 0, null, "cannot read the file's permissions: " + unreadable,
                    "Make sure it exists on a POSIX file system, then run: chmod 600 " + file);
        }
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new ConfigException(file, 0, null, "bad permissions " + octal(permissions) + " ("
                    + PosixFilePermissions.toString(permissions) + "): the file holds secrets, so group and"
                    + " others must have no access; 600 is required", "Run: chmod 600 " + file);
        }
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return String.format("%03o", mode);
    }
}
