package org.jheartbeat.cib.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jheartbeat.cib.model.CibDocument;
import org.w3c.dom.Element;

/**
 * Computes the patch from one CIB version to another: what the DC sends to the members instead
 * of the whole CIB. Elements are matched by tag and id, elements without an id by their place
 * among same-tagged siblings without an id. Changes come out as Pacemaker orders them: deletes
 * first, then the rest in document order of the new version.
 */
public final class CibDiff {

    private final List<PatchChange> deletes = new ArrayList<>();
    private final List<PatchChange> others = new ArrayList<>();

    private CibDiff() {
    }

    public static CibPatch between(CibDocument from, CibDocument to) {
        Element oldRoot = from.root();
        Element newRoot = to.root();
        if (!oldRoot.getTagName().equals(newRoot.getTagName())) {
            throw new IllegalArgumentException("cannot diff <" + oldRoot.getTagName() + "> against <"
                    + newRoot.getTagName() + ">");
        }
        CibDiff diff = new CibDiff();
        diff.compare(oldRoot, newRoot);
        List<PatchChange> changes = new ArrayList<>(diff.deletes);
        changes.addAll(diff.others);
        return new CibPatch(from.version(), to.version(), changes);
    }

    private void compare(Element older, Element newer) {
        compareAttributes(older, newer);
        List<Element> oldChildren = XmlTree.childElements(older);
        List<Element> newChildren = XmlTree.childElements(newer);
        Map<SiblingKey, Element> oldByKey = new HashMap<>();
        for (Map.Entry<Element, SiblingKey> keyed : SiblingKey.of(oldChildren).entrySet()) {
            oldByKey.put(keyed.getValue(), keyed.getKey());
        }
        Map<Element, SiblingKey> newKeys = SiblingKey.of(newChildren);
        List<Element> matches = new ArrayList<>();
        for (Element child : newChildren) {
            matches.add(oldByKey.remove(newKeys.get(child)));
        }
        Set<Element> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(matches);
        for (Element old : oldChildren) {
            if (!kept.contains(old)) {
                deletes.add(new PatchChange.Delete(ElementPath.of(old)));
            }
        }
        Set<Element> stayPut = ChildOrder.unmoved(oldChildren, matches);
        for (int position = 0; position < newChildren.size(); position++) {
            Element old = matches.get(position);
            if (old == null) {
                others.add(new PatchChange.Create(ElementPath.of(older), position, XmlTree.of(newChildren.get(position))));
                continue;
            }
            compare(old, newChildren.get(position));
            if (!stayPut.contains(old)) {
                others.add(new PatchChange.Move(ElementPath.of(old), position));
            }
        }
    }

    private void compareAttributes(Element older, Element newer) {
        Map<String, String> before = XmlTree.attributesOf(older);
        Map<String, String> after = XmlTree.attributesOf(newer);
        if (before.equals(after)) {
            return;
        }
        List<AttributeChange> changes = new ArrayList<>();
        after.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                changes.add(AttributeChange.set(name, value));
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name)).forEach(name -> changes.add(AttributeChange.unset(name)));
        others.add(new PatchChange.Modify(ElementPath.of(older), changes, Optional.of(after)));
    }
}
