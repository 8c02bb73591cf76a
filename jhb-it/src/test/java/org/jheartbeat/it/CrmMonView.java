package org.jheartbeat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What our crm_mon --output-as=xml shows on a node: the nodes online, where each resource runs. */
final class CrmMonView {

    private CrmMonView() {
    }

    /** The nodes crm_mon lists as online. */
    static Set<String> onlineNodes(NodeProcess node) throws Exception {
        Set<String> online = new TreeSet<>();
        NodeList list = xml(node).getElementsByTagName("node");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            if (e.getParentNode() instanceof Element parent && parent.getTagName().equals("nodes")
                    && "true".equals(e.getAttribute("online"))) {
                online.add(e.getAttribute("name"));
            }
        }
        return online;
    }

    /** Resource id to the nodes crm_mon shows it active on. */
    static Map<String, List<String>> resources(NodeProcess node) throws Exception {
        Map<String, List<String>> placement = new TreeMap<>();
        NodeList list = xml(node).getElementsByTagName("resource");
        for (int i = 0; i < list.getLength(); i++) {
            Element resource = (Element) list.item(i);
            List<String> on = new ArrayList<>();
            NodeList running = resource.getElementsByTagName("node");
            for (int j = 0; j < running.getLength(); j++) {
                on.add(((Element) running.item(j)).getAttribute("name"));
            }
            placement.put(resource.getAttribute("id"), on);
        }
        return placement;
    }

    static Element xml(NodeProcess node) throws Exception {
        NodeProcess.ToolResult result = node.crmMon("--output-as=xml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(result.output().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }
}
