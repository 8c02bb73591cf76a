package org.jheartbeat.cli.crmverify;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.schema.CibSchema;
import org.jheartbeat.cib.schema.SchemaError;
import org.jheartbeat.cib.upgrade.CibUpgrade;
import org.jheartbeat.cib.verify.AgentCatalog;
import org.jheartbeat.cib.verify.CibVerifier;
import org.jheartbeat.cib.verify.Finding;

/**
 * What the schema and the checks of meaning found in one CIB. A CIB in the Heartbeat 2.1 form
 * is upgraded in memory first ({@code legacy} says so); the upgraded elements keep their lines. Unlike Pacemaker, the checks of
 * meaning run even when the schema fails, so one run names every problem; a finding on a line
 * the schema already complained about is left out, since it is the same mistake said twice.
 */
record CheckedConfiguration(boolean legacy, List<SchemaError> schemaErrors, List<Finding> findings) {

    static CheckedConfiguration check(CibDocument given, AgentCatalog agents) {
        boolean legacy = CibUpgrade.isLegacy(given);
        CibDocument document = legacy ? CibUpgrade.upgrade(given) : given;
        List<SchemaError> schemaErrors = CibSchema.validate(document);
        Set<Integer> flaggedLines = schemaErrors.stream().map(SchemaError::line).filter(line -> line > 0)
                .collect(Collectors.toSet());
        List<Finding> findings = CibVerifier.verify(document, agents).stream()
                .filter(finding -> !flaggedLines.contains(finding.line())).toList();
        return new CheckedConfiguration(legacy, schemaErrors, findings);
    }
}
