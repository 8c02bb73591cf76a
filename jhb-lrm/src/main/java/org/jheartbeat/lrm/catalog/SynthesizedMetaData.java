package org.jheartbeat.lrm.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jheartbeat.cib.xml.CibXml;

/**
 * Meta-data for the classes whose scripts have none of their own: an LSB script's from its
 * {@code ### BEGIN INIT INFO} block, a Heartbeat-class script's as the positional parameters
 * 1 to 5, both with the 15 s timeouts the old lrmd and Pacemaker give them.
 */
final class SynthesizedMetaData {

    private static final String[] LSB_FIELDS = {"Provides", "Required-Start", "Required-Stop", "Should-Start",
        "Should-Stop", "Default-Start", "Default-Stop"};

    private SynthesizedMetaData() {
    }

    static Optional<String> lsb(String name, Path script) {
        Map<String, String> info;
        try {
            info = initInfo(Files.readString(script, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
        StringBuilder xml = header(name);
        xml.append("  <longdesc lang=\"en\">").append(CibXml.escapeText(info.getOrDefault("Description", name))).append("</longdesc>\n");
        xml.append("  <shortdesc lang=\"en\">").append(CibXml.escapeText(info.getOrDefault("Short-Description", name)))
                .append("</shortdesc>\n");
        xml.append("  <parameters/>\n");
        actions(xml, "status", "restart", "force-reload");
        xml.append("  <special tag=\"LSB\">\n");
        for (String field : LSB_FIELDS) {
            if (info.containsKey(field)) {
                xml.append("    <").append(field).append('>').append(CibXml.escapeText(info.get(field))).append("</").append(field)
                        .append(">\n");
            }
        }
        xml.append("  </special>\n</resource-agent>\n");
        return Optional.of(xml.toString());
    }

    static String heartbeat(String name) {
        StringBuilder xml = header(name);
        xml.append("  <longdesc lang=\"en\">").append(CibXml.escapeText(name))
                .append(" from /etc/ha.d/resource.d, called as ").append(CibXml.escapeText(name))
                .append(" [1] [2] ... ACTION</longdesc>\n");
        xml.append("  <shortdesc lang=\"en\">").append(CibXml.escapeText(name)).append("</shortdesc>\n");
        xml.append("  <parameters>\n");
        for (int i = 1; i <= 5; i++) {
            xml.append("    <parameter name=\"").append(i).append("\" unique=\"1\" required=\"0\">\n")
                    .append("      <longdesc lang=\"en\">argument ").append(i).append(" of the script</longdesc>\n")
                    .append("      <shortdesc lang=\"en\">argument ").append(i).append("</shortdesc>\n")
                    .append("      <content type=\"string\" default=\"\"/>\n    </parameter>\n");
        }
        xml.append("  </parameters>\n");
        actions(xml, "status");
        xml.append("</resource-agent>\n");
        return xml.toString();
    }

    private static StringBuilder header(String name) {
        return new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE resource-agent SYSTEM \"ra-api-1.dtd\">\n")
                .append("<resource-agent name=\"").append(CibXml.escapeAttribute(name)).append("\" version=\"0.1\">\n")
                .append("  <version>1.0</version>\n");
    }

    private static void actions(StringBuilder xml, String... extra) {
        xml.append("  <actions>\n    <action name=\"meta-data\" timeout=\"5s\"/>\n")
                .append("    <action name=\"start\" timeout=\"15s\"/>\n    <action name=\"stop\" timeout=\"15s\"/>\n");
        for (String action : extra) {
            xml.append("    <action name=\"").append(action).append("\" timeout=\"15s\"/>\n");
        }
        xml.append("    <action name=\"monitor\" timeout=\"15s\" interval=\"15s\"/>\n  </actions>\n");
    }

    /** The fields of the INIT INFO block; a continued Description line (#<tab> or #  ) is joined on. */
    static Map<String, String> initInfo(String script) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean inside = false;
        String last = null;
        for (String line : script.split("\n")) {
            if (line.startsWith("### BEGIN INIT INFO")) {
                inside = true;
            } else if (line.startsWith("### END INIT INFO")) {
                break;
            } else if (inside && line.startsWith("# ") && line.indexOf(':') > 2 && !Character.isWhitespace(line.charAt(2))) {
                last = line.substring(2, line.indexOf(':')).trim();
                fields.put(last, line.substring(line.indexOf(':') + 1).trim());
            } else if (inside && last != null && (line.startsWith("#\t") || line.startsWith("#  "))) {
                fields.put(last, fields.get(last) + " " + line.substring(1).trim());
            }
        }
        return fields;
    }
}
