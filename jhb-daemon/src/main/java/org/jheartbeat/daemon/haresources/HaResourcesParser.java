package org.jheartbeat.daemon.haresources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jheartbeat.common.config.ConfigException;

/**
 * Reads {@code haresources} as Heartbeat 3.0.6's ResourceManager reads it: {@code #} starts a
 * comment anywhere, a line ending with {@code \} goes on on the next one, blanks and tabs
 * separate the fields; each logical line is {@code NODE RESOURCE...}, a resource being
 * {@code SCRIPT[::ARG[::ARG...]]} or an IPv4 address (short for {@code IPaddr::ADDRESS}).
 *
 * <p>Where ResourceManager would quietly do something odd, this refuses the file with the
 * line and what to write instead: a node without resources, an empty argument (the shell would
 * drop it and shift the others), a script name with a {@code /}, and a group whose first
 * resource (its key in Heartbeat) is the first resource of an earlier line too.
 */
public final class HaResourcesParser {

    /** ResourceManager's isip(): the shell pattern {@code [0-9]*.[0-9]*.[0-9]*.[0-9]*}. */
    private static final Pattern LOOKS_LIKE_IP = Pattern.compile("[0-9].*\\.[0-9].*\\.[0-9].*\\.[0-9].*");
    private static final Pattern FIELDS = Pattern.compile("[ \t]+");
    private static final Pattern SCRIPT_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final String SEPARATOR = "::";

    private HaResourcesParser() {
    }

    public static List<HaResourceGroup> parse(Path file) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException unreadable) {
            throw new ConfigException(file, 0, null, "cannot read the file: " + unreadable,
                    "Check that it is a UTF-8 text file the daemon can read");
        }
        return parse(file, lines);
    }

    /** The groups of {@code lines}, read as the file {@code file}. */
    public static List<HaResourceGroup> parse(Path file, List<String> lines) throws ConfigException {
        List<HaResourceGroup> groups = new ArrayList<>();
        Map<String, Integer> keys = new HashMap<>();
        StringBuilder logical = new StringBuilder();
        int start = 0;
        for (int index = 0; index < lines.size(); index++) {
            String text = stripComment(lines.get(index)).stripTrailing();
            if (logical.isEmpty()) {
                start = index + 1;
            }
            boolean continued = text.endsWith("\\");
            logical.append(continued ? text.substring(0, text.length() - 1) : text).append(' ');
            if (continued && index + 1 < lines.size()) {
                continue;
            }
            String whole = logical.toString().strip();
            logical.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            HaResourceGroup group = group(file, start, FIELDS.split(whole));
            String key = group.resources().get(0).written();
            Integer earlier = keys.putIfAbsent(key, start);
            if (earlier != null) {
                throw new ConfigException(file, start, key, "this first resource of the line is also the first"
                        + " resource of line " + earlier + "; Heartbeat names a group by its first resource, so it"
                        + " must be unique", "Merge the two lines, or put a different resource first");
            }
            groups.add(group);
        }
        return List.copyOf(groups);
    }

    private static HaResourceGroup group(Path file, int line, String[] fields) throws ConfigException {
        String node = fields[0];
        if (fields.length == 1) {
            throw new ConfigException(file, line, node, "a node without resources",
                    "Write the node's resources after it on the same line (NODE RESOURCE...), or remove the line");
        }
        if (node.contains(SEPARATOR) || LOOKS_LIKE_IP.matcher(node).matches()) {
            throw new ConfigException(file, line, node, "a line starts with the preferred node's name, not a resource",
                    "Write the node's name (uname -n, as in ha.cf's node directive) first: NODE RESOURCE...");
        }
        List<HaResource> resources = new ArrayList<>();
        for (String token : Arrays.asList(fields).subList(1, fields.length)) {
            resources.add(resource(file, line, token));
        }
        return new HaResourceGroup(line, node.toLowerCase(Locale.ROOT), resources);
    }

    private static HaResource resource(Path file, int line, String token) throws ConfigException {
        if (LOOKS_LIKE_IP.matcher(token).matches()) {
            if (token.contains(SEPARATOR)) {
                throw new ConfigException(file, line, token, "an IP address with '::' arguments",
                        "Write the address's details with '/' (10.0.0.1/24/eth0), or IPaddr::ADDRESS/... explicitly");
            }
            return new HaResource(token, "IPaddr", List.of(token));
        }
        List<String> parts = Arrays.asList(token.split(SEPARATOR, -1));
        String script = parts.get(0);
        if (!SCRIPT_NAME.matcher(script).matches()) {
            throw new ConfigException(file, line, token, "'" + script + "' is not a resource script's name",
                    "Name a script of resource.d or /etc/init.d by its file name (letters, digits, '_', '.', '+', '-';"
                            + " no '/'), with its arguments after '::'");
        }
        List<String> arguments = parts.subList(1, parts.size());
        if (arguments.contains("")) {
            throw new ConfigException(file, line, token, "an empty argument (a '::' at the end or two in a row)",
                    "Remove the extra '::'; an empty argument would be dropped and shift the ones after it");
        }
        return new HaResource(token, script, arguments);
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }
}
