package org.jheartbeat.messaging.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jheartbeat.common.config.ConfigException;

/** Checks and converts the values of directive lines, with errors that name file and line. */
final class ConfigValues {

    private static final List<String> TRUE_WORDS = List.of("true", "on", "yes", "y", "1");
    private static final List<String> FALSE_WORDS = List.of("false", "off", "no", "n", "0");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private ConfigValues() {
    }

    /**
     * The value of a single-value directive: the last token, as Heartbeat does
     * ({@code keepalive 1,5} is 5), with a warning when there were several.
     */
    static String single(ConfigLine line, List<String> warnings) throws ConfigException {
        List<String> values = line.values();
        if (values.isEmpty()) {
            throw line.error("no value given", "Write '" + line.directive() + " VALUE' or remove the line");
        }
        String last = values.get(values.size() - 1);
        if (values.size() > 1) {
            warnings.add(line.warning("takes one value but " + values.size() + " were given ("
                    + line.joinedValues() + "); using the last one, '" + last + "'"));
        }
        return last;
    }

    /** Checks the number of values of a multi-value directive. */
    static void requireCount(ConfigLine line, int min, int max, String syntax) throws ConfigException {
        int count = line.values().size();
        if (count < min || count > max) {
            throw line.error("expected " + describeCount(min, max) + " but found " + count
                    + (count == 0 ? "" : " (" + line.joinedValues() + ")"), "Write it as '" + syntax + "'");
        }
    }

    private static String describeCount(int min, int max) {
        if (min == max) {
            return min + (min == 1 ? " value" : " values");
        }
        return max == Integer.MAX_VALUE ? "at least " + min + " value" + (min == 1 ? "" : "s")
                : min + " to " + max + " values";
    }

    static boolean bool(ConfigLine line, String text) throws ConfigException {
        String word = text.toLowerCase(Locale.ROOT);
        if (TRUE_WORDS.contains(word)) {
            return true;
        }
        if (FALSE_WORDS.contains(word)) {
            return false;
        }
        throw line.error("'" + text + "' is not a boolean",
                "Use one of " + String.join(", ", TRUE_WORDS) + " / " + String.join(", ", FALSE_WORDS));
    }

    static TimeValue time(ConfigLine line, String text) throws ConfigException {
        TimeValue value = TimeValue.parse(text);
        if (value == null) {
            throw line.error("'" + text + "' is not a valid time greater than zero", TimeValue.ACCEPTED_FORMS);
        }
        return value;
    }

    static int integer(ConfigLine line, String text, int min, int max, String what) throws ConfigException {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw line.error(what + " '" + text + "' is not a whole number from " + min + " to " + max,
                "Give a number in that range");
    }

    static int port(ConfigLine line, String text) throws ConfigException {
        return integer(line, text, 1, 65535, "port");
    }

    /** Parses an IPv4 literal without ever asking DNS. */
    static Inet4Address ipv4(ConfigLine line, String text, String what) throws ConfigException {
        var matcher = IPV4.matcher(text);
        if (matcher.matches()) {
            byte[] bytes = new byte[4];
            boolean valid = true;
            for (int group = 0; group < 4; group++) {
                int octet = Integer.parseInt(matcher.group(group + 1));
                valid &= octet <= 255;
                bytes[group] = (byte) octet;
            }
            if (valid) {
                try {
                    return (Inet4Address) InetAddress.getByAddress(bytes);
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        throw line.error(what + " '" + text + "' is not an IPv4 address",
                "Write it as four numbers 0..255 separated by dots, e.g. 10.0.0.2 (host names are not accepted)");
    }

    /** One of the named words of an enum (case-insensitive), or an error listing them. */
    static <E extends Enum<E>> E word(ConfigLine line, String text, Class<E> type) throws ConfigException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw line.error("'" + text + "' is not a valid value", "Use one of: " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
