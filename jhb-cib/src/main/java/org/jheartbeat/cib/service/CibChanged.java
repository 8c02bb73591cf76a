package org.jheartbeat.cib.service;

import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibVersion;

/**
 * One applied and persisted CIB change, as the change feed reports it to the controller,
 * crm_mon and the web UI.
 *
 * @param from     version before the change
 * @param to       version after it
 * @param sections top-level sections whose content changed ({@code crm_config}, {@code nodes},
 *                 {@code resources}, {@code constraints}, {@code rsc_defaults}, {@code op_defaults},
 *                 {@code status}, or {@code cib} for the root's attributes)
 * @param snapshot the CIB after the change
 */
public record CibChanged(CibVersion from, CibVersion to, Set<String> sections, CibDocument snapshot) {

    public CibChanged {
        sections = Set.copyOf(sections);
    }
}
