package org.jheartbeat.cib.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibTemplate;
import org.jheartbeat.cib.xml.CibXml;
import org.junit.jupiter.api.Test;

class CibSchemaTest {

    private static final String VALID = read("current-form.xml");

    @Test
    void aCurrentFormCibWithEverySectionIsValid() throws Exception {
        assertThat(CibSchema.validate(CibXml.parse(VALID, "current-form.xml"))).isEmpty();
    }

    @Test
    void theEmptyTemplateIsValid() {
        assertThat(CibSchema.isValid(CibTemplate.empty())).isTrue();
    }

    @Test
    void aMissingRequiredAttributeNamesElementLineAndAttribute() throws Exception {
        List<SchemaError> errors = errorsAfter("<op id=\"ip01-monitor\" name=\"monitor\" interval=\"10s\"",
                "<op id=\"ip01-monitor\" name=\"monitor\"");

        assertThat(errors).extracting(SchemaError::describe).containsExactly(
                "element <op id=\"ip01-monitor\"> (line 34): missing required attribute 'interval'; add interval=\"...\"");
        assertThat(errors.get(0).elementPath()).isEqualTo(
                "/cib/configuration/resources/group[@id='grp_pgsql']/primitive[@id='ip01']/operations/op[@id='ip01-monitor']");
    }

    @Test
    void aPrimitiveWithoutClassIsReportedUnlessItNamesATemplate() throws Exception {
        List<SchemaError> errors = errorsAfter("<primitive id=\"ip01\" class=\"ocf\" provider=\"heartbeat\"",
                "<primitive id=\"ip01\"");

        assertThat(errors).extracting(SchemaError::describe).containsExactly(
                "element <primitive id=\"ip01\"> (line 29): missing required attribute 'class'; add class=\"...\""
                        + " (e.g. class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"), or name a template=\"...\"");
    }

    @Test
    void anOcfPrimitiveNeedsAProviderAndOthersMustNotHaveOne() throws Exception {
        assertThat(errorsAfter("class=\"ocf\" provider=\"pacemaker\" type=\"ping\"", "class=\"ocf\" type=\"ping\""))
                .extracting(SchemaError::describe).singleElement().asString()
                .startsWith("element <primitive id=\"ping\"> (line 59): missing required attribute 'provider' for class 'ocf'");
        assertThat(errorsAfter("class=\"lsb\" type=\"cron\"", "class=\"lsb\" provider=\"x\" type=\"cron\""))
                .extracting(SchemaError::message)
                .containsExactly("attribute 'provider' is only used with class 'ocf'; remove it");
    }

    @Test
    void aMisspelledAttributeIsNotAllowed() throws Exception {
        assertThat(errorsAfter("<rsc_order id=\"ord-ip-pgsql\" first=", "<rsc_order id=\"ord-ip-pgsql\" frist=\"x\" first="))
                .extracting(SchemaError::describe).containsExactly(
                        "element <rsc_order id=\"ord-ip-pgsql\"> (line 110): attribute 'frist' is not allowed here;"
                                + " check its spelling, or remove it");
    }

    @Test
    void aBadEnumeratedValueListsTheAllowedOnes() throws Exception {
        assertThat(errorsAfter("role=\"Started\" enabled", "role=\"Running\" enabled"))
                .extracting(SchemaError::message).containsExactly(
                        "attribute 'role' has the value 'Running', which is not allowed;"
                                + " use one of Stopped, Started, Promoted, Unpromoted, Master, Slave");
    }

    @Test
    void aBadScoreOrBooleanSaysWhatAValueLooksLike() throws Exception {
        assertThat(errorsAfter("node=\"node01\" score=\"100\"", "node=\"node01\" score=\"high\""))
                .extracting(SchemaError::describe).containsExactly(
                        "element <rsc_location id=\"loc-grp-node01\"> (line 83): attribute 'score' has the value 'high',"
                                + " which is not allowed; a score is a whole number or INFINITY, +INFINITY, -INFINITY");
        assertThat(errorsAfter("symmetrical=\"true\"", "symmetrical=\"maybe\""))
                .extracting(SchemaError::message).containsExactly(
                        "attribute 'symmetrical' has the value 'maybe', which is not allowed; use true or false");
        assertThat(errorsAfter("epoch=\"12\"", "epoch=\"-1\""))
                .extracting(SchemaError::message).containsExactly(
                        "attribute 'epoch' has the value '-1', which is not allowed; use a whole number, 0 or more");
    }

    @Test
    void anElementInTheWrongPlaceNamesWhatIsExpected() throws Exception {
        List<SchemaError> errors = errorsAfter("<constraints>", "<constraints>\n<primitive id=\"p\" class=\"lsb\" type=\"x\"/>");

        assertThat(errors).extracting(SchemaError::describe).containsExactly(
                "element <primitive id=\"p\"> (line 83): <primitive> is not allowed at this place; expected one of"
                        + " <rsc_location>, <rsc_colocation>, <rsc_order>, <rsc_ticket>; check the element's name and that"
                        + " it sits in the right section");
    }

    @Test
    void missingSectionsAndEmptyGroupsAreReported() throws Exception {
        String misnamed = VALID.replace("<tags>", "<tag_list>").replace("</tags>", "</tag_list>");
        assertThat(CibSchema.validate(CibXml.parse(misnamed, "input")).get(0).message())
                .startsWith("<tag_list> is not allowed at this place; expected one of ");
        assertThat(errorsAfter("<primitive id=\"drbd\" class=\"ocf\" provider=\"linbit\" type=\"drbd\"/>", ""))
                .extracting(SchemaError::describe).containsExactly(
                        "element <master id=\"drbd-ms\"> (line 61): a master holds exactly one <primitive> or <group> (it has 0)");
    }

    @Test
    void locationAndOrderConstraintsMustSayWhatAndWhere() throws Exception {
        assertThat(errorsAfter("<rsc_location id=\"loc-grp-node01\" rsc=\"grp_pgsql\" node=\"node01\" score=\"100\"/>",
                "<rsc_location id=\"loc-grp-node01\" rsc=\"grp_pgsql\"/>"))
                .extracting(SchemaError::message).containsExactly(
                        "it says nothing about where; add node=\"NODE\" score=\"SCORE\" or a <rule>");
        assertThat(errorsAfter("first=\"ip01\" then=\"pgsql\"", "first=\"ip01\""))
                .extracting(SchemaError::message).containsExactly(
                        "missing required attribute 'then'; add first=\"...\" and then=\"...\" (or use <resource_set>s)");
    }

    @Test
    void textWhereNoneBelongsAndAnNvpairWithoutIdAreReported() throws Exception {
        assertThat(errorsAfter("<nodes>", "<nodes>stray text").get(0).message())
                .isEqualTo("text is not allowed inside it; put values in attributes or nvpairs");
        assertThat(errorsAfter("<nvpair id=\"opt-stonith\" name", "<nvpair name"))
                .extracting(SchemaError::describe).containsExactly(
                        "element <nvpair> (line 7): missing required attribute 'id'; add a unique id=\"...\""
                                + " (or id-ref=\"...\" to reuse one)");
    }

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() throws Exception {
        String text = VALID.replace("<op id=\"ip01-start\" name=\"start\" interval=\"0\"", "<op id=\"ip01-start\" name=\"start\"")
                .replace("<node id=\"2\" uname=\"node02\"/>", "<node id=\"2\"/>");

        assertThat(CibSchema.validate(CibXml.parse(text, "input"))).extracting(SchemaError::line).containsExactly(20, 35);
    }

    @Test
    void statusAndAclsAcceptWhateverTheClusterWrote() throws Exception {
        assertThat(errorsAfter("<lrm_resources/>", "<lrm_resources><anything at=\"all\">text</anything></lrm_resources>"))
                .isEmpty();
    }

    private static List<SchemaError> errorsAfter(String original, String replacement) throws Exception {
        assertThat(VALID).contains(original);
        return CibSchema.validate(CibXml.parse(VALID.replace(original, replacement), "input"));
    }

    private static String read(String name) {
        try (InputStream in = CibSchemaTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
