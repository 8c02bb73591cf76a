package org.jheartbeat.cib.verify;

import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * How resources nest: a clone holds one primitive or group (not another clone), a group holds
 * primitives, and constraints name a cloned resource through its clone, since the members
 * inside have no placement of their own (Pacemaker ignores such a constraint).
 */
final class ResourceNestingCheck implements Check {

    private static final Set<String> CLONES = Set.of("clone", "master");
    private static final List<String> RESOURCE_ATTRIBUTES = List.of("rsc", "with-rsc", "first", "then");

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element resource : config.resources().values()) {
            List<Element> members = Dom.children(resource, ConfigurationIndex.RESOURCE_TAGS);
            String tag = resource.getTagName();
            if (CLONES.contains(tag)) {
                checkCloneContent(resource, members, findings);
            } else if (tag.equals("group")) {
                checkGroupContent(resource, members, findings);
            }
        }
        for (Element constraint : Dom.children(config.section("constraints"), Set.of())) {
            for (String attribute : RESOURCE_ATTRIBUTES) {
                checkNotInsideClone(config, constraint, constraint.getAttribute(attribute), findings);
            }
            for (Element ref : Dom.descendants(constraint, "resource_ref")) {
                checkNotInsideClone(config, ref, ref.getAttribute("id"), findings);
            }
        }
    }

    private static void checkCloneContent(Element clone, List<Element> members, Findings findings) {
        if (members.size() != 1) {
            findings.error(clone, "holds " + members.size() + " resources; a " + clone.getTagName() + " holds exactly one",
                    "Put one primitive or group inside it (wrap several primitives in a group)");
            return;
        }
        Element member = members.get(0);
        if (CLONES.contains(member.getTagName()) || member.getTagName().equals("bundle")) {
            findings.error(member, "is a " + member.getTagName() + " inside " + Findings.label(clone)
                    + "; a clone cannot be cloned again", "Clone the primitive or group once; clone-max and clone-node-max set how many copies run");
        }
    }

    private static void checkGroupContent(Element group, List<Element> members, Findings findings) {
        if (members.isEmpty()) {
            findings.error(group, "has no members", "Add primitives to the group or remove it");
        }
        for (Element member : members) {
            if (!member.getTagName().equals("primitive")) {
                findings.error(member, "is a " + member.getTagName() + " inside " + Findings.label(group)
                        + "; groups hold only primitives", "Move it out of the group and tie it to the group with constraints");
            }
        }
    }

    private static void checkNotInsideClone(ConfigurationIndex config, Element element, String id, Findings findings) {
        Element resource = config.resource(id);
        for (Element up = resource == null ? null : ConfigurationIndex.container(resource); up != null;
                up = ConfigurationIndex.container(up)) {
            if (CLONES.contains(up.getTagName())) {
                findings.error(element, "names '" + id + "', which is inside " + Findings.label(up)
                                + "; the cluster ignores such a constraint",
                        "Name the " + up.getTagName() + " '" + up.getAttribute("id") + "' instead: its copies are what gets placed and ordered");
                return;
            }
        }
    }
}
