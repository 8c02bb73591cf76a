package org.jheartbeat.daemon.haresources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.model.CibVersion;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.common.config.ConfigException;
import org.jheartbeat.messaging.config.AutoFailback;
import org.jheartbeat.messaging.config.Autojoin;
import org.jheartbeat.messaging.config.HaConfig;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The CIB configuration equivalent to haresources, for {@code crm off}: what Heartbeat v1 did
 * with the file, said in constraints the scheduler follows.
 *
 * <ul>
 * <li>Each line is a group {@code group_N} (N counts the lines from 1) of primitives
 * {@code SCRIPT_N_K} (K counts the line's resources from 1), started in the line's order and
 * stopped in reverse, as ResourceManager's takegroup and givegroup do.
 * <li>A script is looked up as ResourceManager's scriptpath() does: an executable file in
 * resource.d makes a {@code heartbeat} primitive with the arguments as the parameters
 * {@code 1}, {@code 2}...; else one in /etc/init.d an {@code lsb} primitive. Found in neither,
 * it stays a {@code heartbeat} primitive that cannot start until the script is installed,
 * which is how Heartbeat 3.0.6 treats it too ("Cannot locate resource script", the group given
 * up), and the start logs it as an error. (resource.d's {@code OCF} wrapper, v1's way to an OCF
 * agent, does not find Debian's agents: it looks one directory below
 * /usr/lib/ocf/resource.d/heartbeat.)
 * <li>The line's node is preferred with {@value #PREFERENCE} ({@code location_group_N}).
 * {@code auto_failback on} (and {@code legacy}, which 3.0.6 runs as on) makes the resources
 * stickiness 0, so a group goes back to its node whenever that node is up; {@code off}
 * makes it {@value #STICKY}, above the preference, so a group stays where it runs until that
 * node fails or an operator moves it (finite, so crm_resource --move still can).
 * <li>No fencing ({@code stonith-enabled=false}) and no quorum ({@code no-quorum-policy=ignore}):
 * v1 had neither; each node ran what it was asked to when its peers were gone.
 * <li>No recurring monitor: v1 watched nodes, not resources. The probe ({@code monitor} with
 * interval 0, the script's {@code status}), {@code start} and {@code stop} are configured with a
 * timeout of {@value #OPERATION_TIMEOUT} each ({@code SCRIPT_N_K-ACTION-0}): v1 waited without
 * limit, and Pacemaker's 20 s default is too short for a database's start or for 3.0.6's own
 * Delay, whose status sleeps 30 s. They are written on each primitive because the default
 * applies only to configured operations (op_defaults does not reach a probe).
 * </ul>
 */
public final class HaResourcesCib {

    static final int PREFERENCE = 100;
    static final int STICKY = 200;
    static final String OPERATION_TIMEOUT = "120s";

    private HaResourcesCib() {
    }

    /**
     * The configuration for the groups of {@code file}; a node that is not in ha.cf (and may not
     * join by autojoin) or an init script given arguments is refused.
     *
     * @param resourceDir the Heartbeat-class scripts (resource.d)
     * @param initDir the init scripts (/etc/init.d)
     */
    public static HaResourcesPlan translate(Path file, List<HaResourceGroup> groups, HaConfig haCf,
            Path resourceDir, Path initDir) throws ConfigException {
        StringBuilder resources = new StringBuilder();
        StringBuilder constraints = new StringBuilder();
        List<String> summary = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int n = 1; n <= groups.size(); n++) {
            HaResourceGroup group = groups.get(n - 1);
            String node = node(file, group, haCf);
            String groupId = "group_" + n;
            List<String> members = new ArrayList<>();
            resources.append("<group id=\"").append(groupId).append("\">");
            for (int k = 1; k <= group.resources().size(); k++) {
                HaResource resource = group.resources().get(k - 1);
                String id = primitiveId(resource.script(), n, k);
                String standard = standard(file, group.line(), resource, resourceDir, initDir, errors);
                primitive(resources, id, standard, resource);
                members.add(id + " (" + standard + "::" + resource.script()
                        + (resource.arguments().isEmpty() ? "" : " " + String.join(" ", resource.arguments())) + ")");
            }
            resources.append("</group>");
            constraints.append("<rsc_location id=\"location_").append(groupId).append("\" rsc=\"").append(groupId)
                    .append("\" node=\"").append(CibXml.escapeAttribute(node)).append("\" score=\"")
                    .append(PREFERENCE).append("\"/>");
            summary.add(groupId + " (line " + group.line() + ") prefers " + node + ": " + String.join(", ", members));
        }
        boolean failback = haCf.autoFailback() != AutoFailback.OFF;
        summary.add("auto_failback " + haCf.autoFailback().name().toLowerCase(Locale.ROOT)
                + (haCf.autoFailback() == AutoFailback.LEGACY ? " (deprecated, works as 'on': please convert to"
                        + " 'auto_failback on')" : "") + ": resource-stickiness "
                + (failback ? "0, groups go back to their node when it returns" : STICKY + ", groups stay where they run"));
        String configuration = "<configuration>"
                + "<crm_config><cluster_property_set id=\"haresources-options\">"
                + nvpair("haresources-options", "stonith-enabled", "false")
                + nvpair("haresources-options", "no-quorum-policy", "ignore")
                + "</cluster_property_set></crm_config>"
                + "<rsc_defaults><meta_attributes id=\"haresources-rsc-defaults\">"
                + nvpair("haresources-rsc-defaults", "resource-stickiness", failback ? "0" : Integer.toString(STICKY))
                + "</meta_attributes></rsc_defaults>"
                + "<resources>" + resources + "</resources>"
                + "<constraints>" + constraints + "</constraints>"
                + "</configuration>";
        return new HaResourcesPlan(file, configuration, summary, errors);
    }

    /** The node as ha.cf spells it; any name when autojoin lets unlisted nodes in. */
    private static String node(Path file, HaResourceGroup group, HaConfig haCf) throws ConfigException {
        Optional<String> listed = haCf.nodes().stream().filter(n -> n.equalsIgnoreCase(group.node())).findFirst();
        if (listed.isPresent()) {
            return listed.get();
        }
        if (haCf.autojoin() != Autojoin.NONE) {
            return group.node();
        }
        throw new ConfigException(file, group.line(), group.node(), "not a node of " + haCf.file()
                + " (its nodes: " + String.join(" ", haCf.nodes()) + ")",
                "Start the line with the preferred node's name as ha.cf's node directive gives it (uname -n)");
    }

    private static String standard(Path file, int line, HaResource resource, Path resourceDir, Path initDir,
            List<String> errors) throws ConfigException {
        if (runnable(resourceDir.resolve(resource.script()))) {
            return "heartbeat";
        }
        if (runnable(initDir.resolve(resource.script()))) {
            if (!resource.arguments().isEmpty()) {
                throw new ConfigException(file, line, resource.written(), "an init script of " + initDir
                        + " cannot be given arguments in the CIB (class lsb)", "Remove the arguments, or put a"
                        + " script that takes them in " + resourceDir);
            }
            return "lsb";
        }
        errors.add(file + ":" + line + ": Cannot locate resource script " + resource.script() + " (neither in "
                + resourceDir + " nor in " + initDir + "): its group cannot start until it is installed. Install it in"
                + " one of them (an init script, or a Heartbeat-class script taking the line's arguments)");
        return "heartbeat";
    }

    /**
     * {@code stored} with its configuration replaced by the plan's ({@code <nodes>} kept: node ids
     * and standby states are the cluster's, not haresources'), at the next epoch; empty when the
     * stored configuration is that already.
     */
    public static Optional<CibDocument> install(CibDocument stored, HaResourcesPlan plan) {
        Document copy = CibXml.copy(stored.dom());
        Element configuration = child(copy.getDocumentElement(), "configuration");
        String before = CibXml.toXml(configuration);
        for (Node child = configuration.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (!(child instanceof Element element && element.getTagName().equals("nodes"))) {
                configuration.removeChild(child);
            }
            child = next;
        }
        Element generated = generated(plan);
        for (Node child = generated.getFirstChild(); child != null; child = child.getNextSibling()) {
            configuration.appendChild(copy.importNode(child, true));
        }
        if (CibXml.toXml(configuration).equals(before)) {
            return Optional.empty();
        }
        CibVersion next = stored.version().nextEpoch();
        copy.getDocumentElement().setAttributeNS(null, "epoch", Long.toString(next.epoch()));
        copy.getDocumentElement().setAttributeNS(null, "num_updates", Long.toString(next.numUpdates()));
        return Optional.of(CibDocument.of(copy));
    }

    private static Element generated(HaResourcesPlan plan) {
        try {
            return CibXml.parseElement(plan.configuration(), plan.file().toString());
        } catch (CibParseException e) {
            throw new IllegalStateException("the configuration generated from " + plan.file() + " does not parse", e);
        }
    }

    private static Element child(Element parent, String tag) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(tag)) {
                return element;
            }
        }
        throw new IllegalStateException("the CIB has no <" + tag + ">");
    }

    private static boolean runnable(Path script) {
        return Files.isRegularFile(script) && Files.isExecutable(script);
    }

    /** SCRIPT_N_K, with what an XML id cannot hold replaced (init scripts may be called "3ware.sh"). */
    static String primitiveId(String script, int n, int k) {
        String name = script.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (!Character.isLetter(name.charAt(0)) && name.charAt(0) != '_') {
            name = "rsc_" + name;
        }
        return name + "_" + n + "_" + k;
    }

    private static void primitive(StringBuilder out, String id, String standard, HaResource resource) {
        out.append("<primitive id=\"").append(id).append("\" class=\"").append(standard).append("\" type=\"")
                .append(CibXml.escapeAttribute(resource.script())).append("\">");
        if (!resource.arguments().isEmpty()) {
            String set = id + "-instance_attributes";
            out.append("<instance_attributes id=\"").append(set).append("\">");
            for (int i = 1; i <= resource.arguments().size(); i++) {
                out.append(nvpair(set, Integer.toString(i), resource.arguments().get(i - 1)));
            }
            out.append("</instance_attributes>");
        }
        out.append("<operations>");
        for (String action : List.of("monitor", "start", "stop")) {
            out.append("<op id=\"").append(id).append('-').append(action).append("-0\" name=\"").append(action)
                    .append("\" interval=\"0\" timeout=\"").append(OPERATION_TIMEOUT).append("\"/>");
        }
        out.append("</operations></primitive>");
    }

    private static String nvpair(String set, String name, String value) {
        return "<nvpair id=\"" + set + "-" + name + "\" name=\"" + name + "\" value=\""
                + CibXml.escapeAttribute(value) + "\"/>";
    }
}
