package org.jheartbeat.policy.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class DateExpressionsTest {

    @Test
    void parsesOrdinalCalendarAndWeekDates() {
        assertThat(DateExpressions.parse("2005-020")).isEqualTo(LocalDateTime.of(2005, 1, 20, 0, 0));
        assertThat(DateExpressions.parse("2005-020T12:30")).isEqualTo(LocalDateTime.of(2005, 1, 20, 12, 30));
        assertThat(DateExpressions.parse("2014-05-07 00:28:00")).isEqualTo(LocalDateTime.of(2014, 5, 7, 0, 28));
        assertThat(DateExpressions.parse("2005-W03-4")).isEqualTo(LocalDateTime.of(2005, 1, 20, 0, 0));
        assertThat(DateExpressions.parse("yesterday")).isNull();
    }

    @Test
    void inRangeWithDurationAndDateSpec() throws Exception {
        Element range = element("<date_expression id='d' operation='in_range' start='2005-01-01'>"
                + "<duration id='du' months='1'/></date_expression>");
        assertThat(DateExpressions.matches(range, LocalDateTime.of(2005, 1, 20, 0, 0))).isTrue();
        assertThat(DateExpressions.matches(range, LocalDateTime.of(2005, 2, 2, 0, 0))).isFalse();
        Element spec = element("<date_expression id='d' operation='date_spec'>"
                + "<date_spec id='s' hours='9-16' weekdays='1-5'/></date_expression>");
        assertThat(DateExpressions.matches(spec, LocalDateTime.of(2026, 11, 25, 10, 0))).isTrue();
        assertThat(DateExpressions.matches(spec, LocalDateTime.of(2026, 11, 25, 17, 0))).isFalse();
        assertThat(DateExpressions.matches(spec, LocalDateTime.of(2026, 11, 28, 10, 0))).isFalse();
    }

    @Test
    void greaterAndLessThan() throws Exception {
        Element gt = element("<date_expression id='d' operation='gt' start='2005-020'/>");
        assertThat(DateExpressions.matches(gt, LocalDateTime.of(2005, 1, 20, 12, 0))).isTrue();
        assertThat(DateExpressions.matches(gt, LocalDateTime.of(2005, 1, 19, 12, 0))).isFalse();
        Element lt = element("<date_expression id='d' operation='lt' end='2005-020'/>");
        assertThat(DateExpressions.matches(lt, LocalDateTime.of(2005, 1, 19, 12, 0))).isTrue();
    }

    private static Element element(String xml) throws Exception {
        return CibXml.parseElement(xml, "test");
    }
}
