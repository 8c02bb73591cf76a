package org.jheartbeat.cib.model;

import org.jheartbeat.cib.xml.CibXml;

/**
 * The CIB a node writes when it starts with none: the same as Pacemaker 2.1.5's
 * {@code cibadmin --empty} prints. Epoch 1, not 0, so that any CIB an administrator has touched
 * (epoch raised at least once from that template) wins over a freshly started node's template
 * when the cluster compares versions; {@code validate-with} names the newest schema we accept
 * and {@code crm_feature_set} the feature set of that Pacemaker release, so tools that read the
 * file recognise it. Time stamps ({@code cib-last-written}) and the writer ({@code update-origin})
 * are added by the service that writes the file, which has the clock and the node name.
 */
public final class CibTemplate {

    /** The schema a current-form CIB validates with: Pacemaker 2.1.5's newest. */
    public static final String VALIDATE_WITH = "pacemaker-3.9";

    /** The CRM feature set Pacemaker 2.1.5 writes. */
    public static final String CRM_FEATURE_SET = "3.16.1";

    private static final String EMPTY = """
            <cib crm_feature_set="%s" validate-with="%s" epoch="1" num_updates="0" admin_epoch="0">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """.formatted(CRM_FEATURE_SET, VALIDATE_WITH);

    private CibTemplate() {
    }

    /** A new empty CIB (version 0.1.0); each call returns a document of its own. */
    public static CibDocument empty() {
        try {
            return CibXml.parse(EMPTY, "the empty CIB template");
        } catch (CibParseException e) {
            throw new IllegalStateException("the built-in empty CIB does not parse", e);
        }
    }
}
