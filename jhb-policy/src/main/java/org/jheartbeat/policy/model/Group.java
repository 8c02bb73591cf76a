package org.jheartbeat.policy.model;

import java.util.List;
import java.util.Map;

/** A group: members started in order and kept together on one node. */
public final class Group extends Resource {

    private final List<Primitive> members;

    public Group(String id, Map<String, String> meta, List<Primitive> members) {
        super(id, meta);
        this.members = members;
        members.forEach(m -> m.setParent(this));
    }

    @Override
    public List<Primitive> children() {
        return members;
    }

    @Override
    public List<Primitive> primitives() {
        return members;
    }

    public boolean ordered() {
        return MetaValues.bool(meta("ordered"), true);
    }

    public boolean colocated() {
        return MetaValues.bool(meta("collocated"), true);
    }
}
