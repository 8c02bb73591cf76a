package org.jheartbeat.cib.verify;

import java.util.Set;
import org.w3c.dom.Element;

/**
 * A colocation's influence must be a boolean. Pacemaker's schema takes any text there and its
 * scheduler falls back to the default, so only crm_verify calls it an error, as Pacemaker's does.
 */
final class InfluenceCheck implements Check {

    private static final Set<String> BOOLEANS = Set.of("true", "false", "1", "0", "yes", "no", "on", "off", "y", "n");

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element colocation : Dom.descendants(config.section("constraints"), "rsc_colocation")) {
            String text = Dom.attribute(colocation, "influence");
            if (text != null && !BOOLEANS.contains(text.toLowerCase())) {
                findings.error(colocation, "influence=\"" + text + "\" is not true or false (the default, true, is used)",
                        "Write influence=\"true\" or influence=\"false\"");
            }
        }
    }
}
