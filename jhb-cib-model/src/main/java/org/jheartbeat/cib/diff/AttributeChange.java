package org.jheartbeat.cib.diff;

import java.util.Objects;
import java.util.Optional;

/** One {@code <change-attr>} of a modify change: an attribute set to a value, or unset. */
public record AttributeChange(String name, Optional<String> value) {

    public AttributeChange {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }

    public static AttributeChange set(String name, String value) {
        return new AttributeChange(name, Optional.of(value));
    }

    public static AttributeChange unset(String name) {
        return new AttributeChange(name, Optional.empty());
    }
}
