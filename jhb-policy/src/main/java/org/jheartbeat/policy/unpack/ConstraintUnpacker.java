package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jheartbeat.policy.Score;
import org.jheartbeat.policy.model.Clone;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.Colocation;
import org.jheartbeat.policy.model.Location;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Node;
import org.jheartbeat.policy.model.Ordering;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Resource;
import org.jheartbeat.policy.model.Role;
import org.w3c.dom.Element;

/** Reads rsc_location, rsc_colocation and rsc_order, with resource sets and tags. */
final class ConstraintUnpacker {

    private final IdIndex ids;
    private final RuleEvaluator rules;
    private final NvSets sets;
    private final LocalDateTime now;
    private final Map<String, Resource> byId;
    private final Map<String, List<String>> tags = new LinkedHashMap<>();
    private final Map<String, List<Resource>> templateUsers;

    ConstraintUnpacker(IdIndex ids, RuleEvaluator rules, NvSets sets, LocalDateTime now, Map<String, Resource> byId, Element tagsSection,
                       Map<String, List<Resource>> templateUsers) {
        this.templateUsers = templateUsers;
        this.ids = ids;
        this.rules = rules;
        this.sets = sets;
        this.now = now;
        this.byId = byId;
        for (Element tag : Xml.children(tagsSection, "tag")) {
            List<String> refs = new ArrayList<>();
            for (Element ref : Xml.children(tag, "obj_ref")) {
                refs.add(ref.getAttribute("id"));
            }
            tags.put(tag.getAttribute("id"), refs);
        }
    }

    void unpack(Element constraints, Cluster cluster) {
        for (Element e : Xml.children(constraints)) {
            switch (e.getTagName()) {
                case "rsc_location" -> location(e, cluster);
                case "rsc_colocation" -> colocation(e, cluster);
                case "rsc_order" -> order(e, cluster);
                default -> { }
            }
        }
    }

    /** A resource or tag id to the resources it names. */
    /** A resource, template or tag id to the resources it names (a template names every primitive made from it). */
    private List<Resource> resolve(String id) {
        List<Resource> out = new ArrayList<>();
        if (id == null) {
            return out;
        }
        Resource r = byId.get(id);
        if (r != null) {
            out.add(r);
        } else if (templateUsers.containsKey(id)) {
            out.addAll(templateUsers.get(id));
        } else if (tags.containsKey(id)) {
            for (String ref : tags.get(id)) {
                if (byId.containsKey(ref)) {
                    out.add(byId.get(ref));
                } else {
                    out.addAll(templateUsers.getOrDefault(ref, List.of()));
                }
            }
        }
        return out;
    }

    private void location(Element e, Cluster cluster) {
        List<Resource> targets = new ArrayList<>();
        String rscPattern = Xml.attr(e, "rsc-pattern");
        if (rscPattern != null) {
            // a leading '!' selects the resources the rest of the pattern does not match
            boolean inverted = rscPattern.startsWith("!");
            try {
                Pattern p = Pattern.compile(inverted ? rscPattern.substring(1) : rscPattern);
                for (Resource r : cluster.resources().values()) {
                    if (p.matcher(r.id()).find() != inverted) {
                        targets.add(r);
                    }
                }
            } catch (PatternSyntaxException ex) {
                return;
            }
        } else {
            targets.addAll(resolve(Xml.attr(e, "rsc")));
        }
        for (Element set : Xml.children(e, "resource_set")) {
            for (Element ref : Xml.children(ids.resolve(set), "resource_ref")) {
                targets.addAll(resolve(ref.getAttribute("id")));
            }
        }
        // Pacemaker 2.1.5 reads the location's role only in its node-and-score form: with rules,
        // only a rule's own role restricts it, and the location counts for every role otherwise.
        List<Element> rules = Xml.children(e, "rule");
        Role role = rules.isEmpty() ? Role.parse(Xml.attr(e, "role")) : null;
        for (Element ruleRef : rules) {
            Role ruleRole = Role.parse(Xml.attr(ids.resolve(ruleRef), "role"));
            if (ruleRole != null) {
                role = ruleRole;
            }
        }
        String discovery = Xml.attr(e, "resource-discovery", "always");
        String nodeName = Xml.attr(e, "node");
        if (nodeName != null && cluster.node(nodeName) == null) {
            return;
        }
        for (Resource r : targets) {
            Location loc = new Location(Xml.attr(e, "id"), locationScores(e, r, cluster), role, discovery);
            r.locations().add(loc);
            cluster.locations().add(loc);
        }
    }

    /** A location's score per node for one of its resources (rules may compare with the resource's attributes). */
    private Map<Node, Integer> locationScores(Element e, Resource r, Cluster cluster) {
        Map<Node, Integer> scores = new LinkedHashMap<>();
        String nodeName = Xml.attr(e, "node");
        if (nodeName != null) {
            scores.put(cluster.node(nodeName), Score.parse(Xml.attr(e, "score")));
        }
        for (Element ruleRef : Xml.children(e, "rule")) {
            Element rule = ids.resolve(ruleRef);
            String scoreAttribute = Xml.attr(rule, "score-attribute");
            int score = Score.parse(Xml.attr(rule, "score"));
            if (Xml.children(rule).isEmpty()) {
                continue;
            }
            for (Node node : cluster.nodes().values()) {
                if (rules.matches(rule, RuleContext.ofLocation(node.attributes(), now, () -> paramsOn(r, node), r.meta()))) {
                    if (scoreAttribute != null && !node.attributes().containsKey(scoreAttribute)) {
                        continue;
                    }
                    int s = scoreAttribute != null ? Score.parse(node.attributes().get(scoreAttribute)) : score;
                    scores.merge(node, s, Score::add);
                }
            }
        }
        return scores;
    }

    /** A primitive's instance attributes as seen on a node: their sets may have rules on node attributes. */
    private Map<String, String> paramsOn(Resource r, Node node) {
        if (!(r instanceof Primitive p)) {
            return Map.of();
        }
        String configuredId = p.id().contains(":") ? p.id().substring(0, p.id().indexOf(':')) : p.id();
        Element e = ids.get(configuredId);
        if (e == null) {
            return p.params();
        }
        Map<String, String> params = sets.read(e, "instance_attributes", RuleContext.ofNode(node.attributes(), now));
        p.params().forEach(params::putIfAbsent);
        return params;
    }

    private void colocation(Element e, Cluster cluster) {
        int score = Score.parse(Xml.attr(e, "score"));
        String nodeAttribute = Xml.attr(e, "node-attribute");
        String id = Xml.attr(e, "id");
        List<Element> setEls = Xml.children(e, "resource_set");
        if (setEls.isEmpty()) {
            // Pacemaker ignores a colocation of two templates or tags (and logs an error)
            if (!byId.containsKey(Xml.attr(e, "rsc")) && !byId.containsKey(Xml.attr(e, "with-rsc"))) {
                return;
            }
            for (Resource dependent : resolve(Xml.attr(e, "rsc"))) {
                for (Resource primary : resolve(Xml.attr(e, "with-rsc"))) {
                    addColocation(cluster, new Colocation(id, dependent, primary, score,
                            Role.parse(Xml.attr(e, "rsc-role")), Role.parse(Xml.attr(e, "with-rsc-role")), nodeAttribute));
                }
            }
            return;
        }
        List<ResourceSet> resourceSets = new ArrayList<>();
        for (Element s : setEls) {
            resourceSets.add(resourceSet(ids.resolve(s)));
        }
        for (ResourceSet set : resourceSets) {
            int setScore = set.scoreOr(score);
            if (!set.sequential) {
                continue;
            }
            if (setScore < 0) {
                // a negative sequential set keeps every member away from each one before it
                for (int i = 1; i < set.members.size(); i++) {
                    for (int j = 0; j < i; j++) {
                        addColocation(cluster, new Colocation(id, set.members.get(i), set.members.get(j),
                                setScore, set.role, set.role, nodeAttribute));
                    }
                }
            } else {
                for (int i = 1; i < set.members.size(); i++) {
                    Resource earlier = set.members.get(i - 1);
                    Resource later = set.members.get(i);
                    addColocation(cluster, new Colocation(id, set.listed ? earlier : later, set.listed ? later : earlier,
                            setScore, set.role, set.role, nodeAttribute));
                }
            }
        }
        for (int s = 1; s < resourceSets.size(); s++) {
            ResourceSet primaries = resourceSets.get(s);
            ResourceSet dependents = resourceSets.get(s - 1);
            if (primaries.members.isEmpty() || dependents.members.isEmpty()) {
                continue;
            }
            // a sequential set joins the chain at its ends: its first member follows the last
            // member of the next set (each member of a set follows the one before it)
            List<Resource> withList = primaries.sequential
                    ? List.of(primaries.members.get(primaries.members.size() - 1)) : primaries.members;
            List<Resource> depList = dependents.sequential ? List.of(dependents.members.get(0)) : dependents.members;
            for (Resource d : depList) {
                for (Resource p : withList) {
                    addColocation(cluster, new Colocation(id, d, p, score, dependents.role, primaries.role, nodeAttribute));
                }
            }
        }
    }

    private static void addColocation(Cluster cluster, Colocation c) {
        // Pacemaker drops a colocation of score 0 as it reads it: its primary is not even placed first
        if (c.dependent() == c.primary() || c.score() == 0) {
            return;
        }
        cluster.colocations().add(c);
        c.dependent().asDependent().add(c);
        c.primary().asPrimary().add(c);
    }

    private void order(Element e, Cluster cluster) {
        String id = Xml.attr(e, "id");
        Ordering.Kind kind = kind(e);
        boolean symmetrical = symmetrical(e, kind);
        List<Element> setEls = Xml.children(e, "resource_set");
        if (setEls.isEmpty()) {
            String firstAction = Xml.attr(e, "first-action", "start");
            String thenAction = Xml.attr(e, "then-action", firstAction);
            boolean requireAll = MetaValues.bool(Xml.attr(e, "require-all"), true);
            for (Resource first : resolve(Xml.attr(e, "first"))) {
                for (Resource then : resolve(Xml.attr(e, "then"))) {
                    int cloneMin = first instanceof Clone
                            ? MetaValues.integer(first.meta("clone-min"), 0) : 0;
                    if (first instanceof Clone && (cloneMin > 0 || !requireAll)) {
                        addOrdering(cluster, new Ordering(id, first, firstAction, then, thenAction, kind, symmetrical,
                                List.copyOf(first.children()), Math.max(1, cloneMin), "clone-one-or-more:" + id));
                    } else {
                        addOrdering(cluster, new Ordering(id, first, firstAction, then, thenAction, kind, symmetrical));
                    }
                }
            }
            return;
        }
        List<ResourceSet> resourceSets = new ArrayList<>();
        for (Element s : setEls) {
            resourceSets.add(resourceSet(ids.resolve(s)));
        }
        for (ResourceSet set : resourceSets) {
            if (set.sequential) {
                for (int i = 1; i < set.members.size(); i++) {
                    addOrdering(cluster, new Ordering(id, set.members.get(i - 1), set.action, set.members.get(i),
                            set.action, kind, symmetrical));
                }
            }
        }
        for (int s = 1; s < resourceSets.size(); s++) {
            ResourceSet before = resourceSets.get(s - 1);
            ResourceSet after = resourceSets.get(s);
            if (before.members.isEmpty() || after.members.isEmpty()) {
                continue;
            }
            List<Resource> firsts = before.sequential ? List.of(before.members.get(before.members.size() - 1)) : before.members;
            List<Resource> thens = after.sequential ? List.of(after.members.get(0)) : after.members;
            if (!before.requireAll) {
                for (Resource t : thens) {
                    addOrdering(cluster, new Ordering(id, null, before.action, t, after.action, kind, symmetrical,
                            before.members, 1, "one-or-more:" + before.id));
                }
                continue;
            }
            for (Resource f : firsts) {
                for (Resource t : thens) {
                    addOrdering(cluster, new Ordering(id, f, before.action, t, after.action, kind, symmetrical));
                }
            }
        }
    }

    /**
     * Pacemaker applies an ordering to the then's action only if the then has that action: a
     * resource that cannot be promoted never has a promote or demote, so an ordering of those
     * for it does nothing at all (not even what an interleaved clone order does to instances).
     */
    private static void addOrdering(Cluster cluster, Ordering o) {
        boolean roleChange = "promote".equals(o.thenAction()) || "demote".equals(o.thenAction());
        if (roleChange && !(o.then().top() instanceof Clone clone && clone.promotable())) {
            return;
        }
        cluster.orderings().add(o);
    }

    private static Ordering.Kind kind(Element e) {
        String kind = Xml.attr(e, "kind");
        if (kind != null) {
            return switch (kind.toLowerCase()) {
                case "optional" -> Ordering.Kind.OPTIONAL;
                case "serialize" -> Ordering.Kind.SERIALIZE;
                default -> Ordering.Kind.MANDATORY;
            };
        }
        String score = Xml.attr(e, "score");
        if (score != null && Score.parse(score) == 0) {
            return Ordering.Kind.OPTIONAL;
        }
        return Ordering.Kind.MANDATORY;
    }

    private static boolean symmetrical(Element e, Ordering.Kind kind) {
        String s = Xml.attr(e, "symmetrical");
        if (s != null) {
            return MetaValues.bool(s, true);
        }
        return kind != Ordering.Kind.SERIALIZE;
    }

    private ResourceSet resourceSet(Element set) {
        List<Resource> members = new ArrayList<>();
        for (Element ref : Xml.children(set, "resource_ref")) {
            members.addAll(resolve(ref.getAttribute("id")));
        }
        String score = Xml.attr(set, "score");
        return new ResourceSet(Xml.attr(set, "id"), members,
                MetaValues.bool(Xml.attr(set, "sequential"), true),
                Role.parse(Xml.attr(set, "role")), Xml.attr(set, "action", "start"), score == null ? null : Score.parse(score),
                MetaValues.bool(Xml.attr(set, "require-all"), true), "listed".equals(Xml.attr(set, "ordering")));
    }

    /** listed: a sequential colocation set whose members follow the next one rather than the one before. */
    private record ResourceSet(String id, List<Resource> members, boolean sequential, Role role, String action,
                               Integer score, boolean requireAll, boolean listed) {
        int scoreOr(int otherwise) {
            return score == null ? otherwise : score;
        }
    }
}
