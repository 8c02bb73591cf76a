package org.jheartbeat.cib.diff;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <change>} of a format 2 patchset. Paths name elements of the version the patch
 * applies to ({@code /cib/configuration/resources/primitive[@id='ip']}, or a tag with a
 * 1-based position among same-named siblings when there is no id); positions count the child
 * elements of the parent in the version the patch produces.
 */
public sealed interface PatchChange {

    /** The element the change is about; for a create, its parent. */
    String path();

    /** Adds {@code content} as the child at {@code position} of the element at {@code path}. */
    record Create(String path, int position, XmlTree content) implements PatchChange {
    }

    /** Removes the element at {@code path} with everything inside it. */
    record Delete(String path) implements PatchChange {
    }

    /**
     * Changes the attributes of the element at {@code path}. {@code result} is every attribute
     * the element has afterwards (Pacemaker's {@code change-result}); when present it is what
     * is applied, as Pacemaker does, and {@code changes} says what differs.
     */
    record Modify(String path, List<AttributeChange> changes, Optional<Map<String, String>> result)
            implements PatchChange {

        public Modify {
            changes = List.copyOf(changes);
            result = result.map(attributes -> Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
        }
    }

    /** Moves the element at {@code path} to child {@code position} of its parent. */
    record Move(String path, int position) implements PatchChange {
    }

    default String operation() {
        if (this instanceof Create) {
            return "create";
        }
        if (this instanceof Delete) {
            return "delete";
        }
        return this instanceof Modify ? "modify" : "move";
    }
}
