package org.jheartbeat.controller;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.policy.model.Cluster;
import org.jheartbeat.policy.model.MetaValues;
import org.jheartbeat.policy.model.Primitive;
import org.jheartbeat.policy.model.Role;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A fencing device: a {@code class="stonith"} primitive of the configuration, with the
 * fencer's own parameters as Pacemaker names them. {@code pcmk_host_list} names the nodes it
 * can fence; {@code pcmk_host_check} says how that is known: {@code static-list} (that list;
 * the default when it is given), {@code dynamic-list} (the device's own list, asked at fencing
 * time; the default otherwise) or {@code none} (any node). {@code priority} (an instance
 * attribute, as Pacemaker's) orders the devices: the highest is tried first.
 */
record FenceDevice(String id, String type, Map<String, String> parameters) {

    static final String STATIC_LIST = "static-list";
    static final String DYNAMIC_LIST = "dynamic-list";
    static final String NONE = "none";

    FenceDevice {
        parameters = Map.copyOf(parameters);
    }

    /** The devices of the configuration, in the order they are tried; one disabled (target-role=Stopped) is left out. */
    static List<FenceDevice> configured(Cluster cluster) {
        List<FenceDevice> devices = new ArrayList<>();
        for (Primitive p : cluster.primitives()) {
            if ("stonith".equals(p.standard()) && p.targetRole() != Role.STOPPED) {
                devices.add(new FenceDevice(p.id(), p.type(), p.params()));
            }
        }
        return orderedByPriority(devices);
    }

    /** Highest priority first; equal ones by id, so every DC tries them in the same order. */
    static List<FenceDevice> orderedByPriority(List<FenceDevice> devices) {
        List<FenceDevice> ordered = new ArrayList<>(devices);
        ordered.sort(Comparator.comparingInt(FenceDevice::priority).reversed().thenComparing(FenceDevice::id));
        return ordered;
    }

    int priority() {
        return MetaValues.integer(parameters.get("priority"), 0);
    }

    String hostCheck() {
        String check = parameters.get("pcmk_host_check");
        if (check == null || check.isBlank()) {
            return parameters.containsKey("pcmk_host_list") ? STATIC_LIST : DYNAMIC_LIST;
        }
        return check.trim();
    }

    /** pcmk_host_list's names (space, comma or semicolon separated, as Pacemaker accepts). */
    List<String> staticHosts() {
        return Arrays.stream(parameters.getOrDefault("pcmk_host_list", "").trim().split("[\\s,;]+"))
                .filter(name -> !name.isEmpty()).toList();
    }

    static String toXml(List<FenceDevice> devices) {
        Document document = CibXml.newDocument();
        Element root = document.createElement("devices");
        for (FenceDevice device : devices) {
            Element e = document.createElement("device");
            e.setAttribute("id", device.id());
            e.setAttribute("type", device.type());
            new TreeMap<>(device.parameters()).forEach((name, value) -> {
                Element param = document.createElement("param");
                param.setAttribute("name", name);
                param.setAttribute("value", value);
                e.appendChild(param);
            });
            root.appendChild(e);
        }
        return CibXml.toXml(root);
    }

    static List<FenceDevice> fromXml(String xml) throws CibParseException {
        List<FenceDevice> devices = new ArrayList<>();
        for (Node n = CibXml.parseElement(xml, "devices").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                Map<String, String> parameters = new TreeMap<>();
                for (Node p = e.getFirstChild(); p != null; p = p.getNextSibling()) {
                    if (p instanceof Element param) {
                        parameters.put(param.getAttribute("name"), param.getAttribute("value"));
                    }
                }
                devices.add(new FenceDevice(e.getAttribute("id"), e.getAttribute("type"), parameters));
            }
        }
        return devices;
    }
}
