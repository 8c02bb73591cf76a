package org.jheartbeat.cib.diff;

import java.util.List;
import java.util.Objects;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;

/**
 * The changes from one CIB version ({@link #source()}) to the next ({@link #target()}), in
 * Pacemaker's patchset format 2 ({@code <diff format="2">}, as {@code crm_diff} writes it and
 * {@code cibadmin -P} reads it). A patch applies only to the version it was made from.
 */
public final class CibPatch {

    private final CibVersion source;
    private final CibVersion target;
    private final List<PatchChange> changes;

    public CibPatch(CibVersion source, CibVersion target, List<PatchChange> changes) {
        this.source = Objects.requireNonNull(source);
        this.target = Objects.requireNonNull(target);
        this.changes = List.copyOf(changes);
    }

    /** Reads a patchset from text; errors name "input" and the line. */
    public static CibPatch parse(String text) throws CibParseException {
        return parse(text, "input");
    }

    /** Reads a patchset from text; {@code sourceName} (a file name or "input") starts every error message. */
    public static CibPatch parse(String text, String sourceName) throws CibParseException {
        return PatchXml.read(text, sourceName);
    }

    public String toXml() {
        return PatchXml.write(this);
    }

    public CibVersion source() {
        return source;
    }

    public CibVersion target() {
        return target;
    }

    public List<PatchChange> changes() {
        return changes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The version this patch produces from {@code base}, which is not changed. Refused when
     * {@code base} is not at {@link #source()} or a path names no element: the receiver then
     * needs a full copy instead.
     */
    public CibDocument apply(CibDocument base) throws PatchException {
        return PatchApplier.apply(this, base);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CibPatch patch && source.equals(patch.source) && target.equals(patch.target)
                && changes.equals(patch.changes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, target, changes);
    }

    @Override
    public String toString() {
        return "patch " + source + " -> " + target + " (" + changes.size() + " changes)";
    }
}
