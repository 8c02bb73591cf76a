package org.jheartbeat.cib.verify;

import java.util.LinkedHashSet;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * The agent each primitive names: a known class, a provider exactly for ocf, installed on this
 * host, fencing agents only in the stonith class, and every parameter the agent requires given.
 */
final class AgentCheck implements Check {

    private static final Set<String> CLASSES =
            Set.of("ocf", "lsb", "heartbeat", "stonith", "service", "systemd", "upstart", "nagios");

    private final AgentCatalog agents;

    AgentCheck(AgentCatalog agents) {
        this.agents = agents;
    }

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element primitive : config.all("primitive")) {
            Element template = config.template(primitive.getAttribute("template"));
            String agentClass = inherited(primitive, template, "class");
            String provider = inherited(primitive, template, "provider");
            String type = inherited(primitive, template, "type");
            if (agentClass.isEmpty() || type.isEmpty()) {
                findings.error(primitive, "has no " + (agentClass.isEmpty() ? "class=" : "type=")
                                + " (no template supplies it either)",
                        "Name the agent, for example class=\"ocf\" provider=\"heartbeat\" type=\"IPaddr2\"");
                continue;
            }
            if (!CLASSES.contains(agentClass)) {
                findings.error(primitive, "class=\"" + agentClass + "\" is not a resource agent class",
                        "Use one of " + String.join(", ", CLASSES.stream().sorted().toList()));
                continue;
            }
            if (agentClass.equals("ocf") && provider.isEmpty()) {
                findings.error(primitive, "an ocf agent needs provider= (the directory under resource.d)",
                        "Add provider=, for example provider=\"heartbeat\" or provider=\"pacemaker\"");
                continue;
            }
            if (!agentClass.equals("ocf") && !provider.isEmpty()) {
                findings.warning(primitive, "provider=\"" + provider + "\" is ignored for class " + agentClass,
                        "Remove provider= (only ocf agents have providers)");
                provider = "";
            }
            if (!agentClass.equals("stonith") && looksLikeFencing(type)) {
                findings.error(primitive, "type=\"" + type + "\" is a fencing agent but class=\"" + agentClass + "\"",
                        "Fencing devices are class=\"stonith\" (without provider=)");
                continue;
            }
            checkInstalled(config, primitive, template, new AgentName(agentClass, provider, type), findings);
        }
    }

    private void checkInstalled(ConfigurationIndex config, Element primitive, Element template, AgentName agent, Findings findings) {
        switch (agents.exists(agent)) {
            case MISSING -> findings.error(primitive, "agent " + agent + " is not installed on this host",
                    "Install the package that provides it (for ocf:heartbeat agents: resource-agents) or correct class/provider/type");
            case UNVERIFIABLE -> findings.warning(primitive, "cannot tell whether agent " + agent
                    + " is installed on this host", "Check it on the cluster nodes (for stonith plugins: stonith -L from cluster-glue)");
            case INSTALLED -> checkRequiredParameters(config, primitive, template, agent, findings);
        }
    }

    private void checkRequiredParameters(ConfigurationIndex config, Element primitive, Element template, AgentName agent, Findings findings) {
        Set<String> given = new LinkedHashSet<>(parameterNames(config, primitive));
        if (template != null) {
            given.addAll(parameterNames(config, template));
        }
        for (String required : agents.requiredParameters(agent)) {
            if (!given.contains(required)) {
                findings.error(primitive, "agent " + agent + " requires parameter '" + required + "', which is not set",
                        "Add <nvpair name=\"" + required + "\" value=\"...\"/> to its <instance_attributes>"
                                + " (" + agent.type() + " meta-data lists what it means)");
            }
        }
    }

    private static Set<String> parameterNames(ConfigurationIndex config, Element resource) {
        Set<String> names = new LinkedHashSet<>();
        for (Element set : Dom.children(resource, "instance_attributes")) {
            for (Element nvpair : Dom.descendants(config.resolve(set), "nvpair")) {
                names.add(nvpair.getAttribute("name"));
            }
        }
        return names;
    }

    private static String inherited(Element primitive, Element template, String attribute) {
        String own = primitive.getAttribute(attribute);
        return own.isEmpty() && template != null ? template.getAttribute(attribute) : own;
    }

    /** cluster-glue plugins live under external/, fence-agents are all fence_*. */
    private static boolean looksLikeFencing(String type) {
        return type.startsWith("fence_") || type.startsWith("external/");
    }
}
