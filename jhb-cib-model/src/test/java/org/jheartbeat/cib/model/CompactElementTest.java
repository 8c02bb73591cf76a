package org.jheartbeat.cib.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactElementTest {

    private static final List<String> NUMBERS = List.of("0", "42", " 7 ", "-1", "+5", "-0", "007", "", " ", "-", "+",
            "--1", "+-1", "12a", "a12", "1.5", "1e3", "0x10", "1 2", "2147483647", "2147483648", "-2147483649",
            "123456789012345678", "1234567890123456789", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "00000000000000000000001", "  -12  ");

    /** An element whose one value, {@code value}, is kept as bytes, as the parser keeps plain values. */
    private static CompactElement asBytes(String value) {
        byte[] text = ("x\0" + value + "\0").getBytes(StandardCharsets.ISO_8859_1);
        return new CompactElement("op", new String[] {"v"}, text, new int[] {2}, 1);
    }

    private static long expected(String value, long otherwise) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Test
    void aNumberReadFromBytesIsWhatParsingItsStringGives() {
        List<String> values = new ArrayList<>(NUMBERS);
        Random random = new Random(7);
        String alphabet = "0123456789 +-a";
        for (int i = 0; i < 3000; i++) {
            StringBuilder value = new StringBuilder();
            for (int n = random.nextInt(22); n > 0; n--) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        for (String value : values) {
            assertThat(asBytes(value).attributeLong(0, -99)).as("'%s' as bytes", value).isEqualTo(expected(value, -99));
            CompactElement asString = new CompactElement("op", new String[] {"v"}, new String[] {value}, 1);
            assertThat(asString.attributeLong(0, -99)).as("'%s' as a string", value).isEqualTo(expected(value, -99));
        }
    }

    @Test
    void aNumberChangedBySetAttributeIsTheNewOne() {
        CompactElement element = asBytes("12");
        element.setAttribute("v", "13");
        assertThat(element.attributeLong(0, -1)).isEqualTo(13);
    }
}
