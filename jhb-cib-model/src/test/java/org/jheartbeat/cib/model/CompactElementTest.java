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

    /** 3,000 texts of up to {@code maxLength} characters of the alphabet, the same for the same seed. */
    private static List<String> randomTexts(long seed, String alphabet, int maxLength) {
        List<String> texts = new ArrayList<>();
        Random random = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(maxLength); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        return texts;
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
        values.addAll(randomTexts(7, "0123456789 +-a", 22));
        for (String value : values) {
            assertThat(asBytes(value).attributeLong(0, -99)).as("'%s' as bytes", value).isEqualTo(expected(value, -99));
            CompactElement asString = new CompactElement("op", new String[] {"v"}, new String[] {value}, 1);
            assertThat(asString.attributeLong(0, -99)).as("'%s' as a string", value).isEqualTo(expected(value, -99));
        }
    }

    @Test
    void aFieldReadFromBytesIsWhatParsingThatPartOfItsStringGives() {
        List<String> values = new ArrayList<>();
        for (String number : NUMBERS) {
            values.add("3:1:" + number + ":uuid");
            values.add("3:1:" + number);
        }
        values.addAll(List.of("", ":", "::", "a:b", "a:b:", "a:b::c", "1:2:3", "1:2:3:4:5"));
        values.addAll(randomTexts(11, "0123456789 +-a:", 26));
        for (String value : values) {
            String[] parts = value.split(":", -1);
            int expected = parts.length < 3 ? -99 : (int) expectedInt(parts[2], -99);
            assertThat(asBytes(value).attributeIntField(0, ':', 2, -99)).as("'%s' as bytes", value).isEqualTo(expected);
            CompactElement asString = new CompactElement("op", new String[] {"v"}, new String[] {value}, 1);
            assertThat(asString.attributeIntField(0, ':', 2, -99)).as("'%s' as a string", value).isEqualTo(expected);
        }
    }

    private static long expectedInt(String value, int otherwise) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    @Test
    void aNumberChangedBySetAttributeIsTheNewOne() {
        CompactElement element = asBytes("12");
        element.setAttribute("v", "13");
        assertThat(element.attributeLong(0, -1)).isEqualTo(13);
    }
}
