package org.jheartbeat.cli.crmmon;

import org.jheartbeat.cib.xml.CibXml;

/** crm_mon's HTML page: the text view in a page that refreshes itself, for a browser left open on it. */
final class MonitorHtml {

    private static final int REFRESH_SECONDS = 5;

    private MonitorHtml() {
    }

    static String page(String text) {
        return "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<meta http-equiv=\"refresh\" content=\""
                + REFRESH_SECONDS + "\">\n<title>Cluster summary</title>\n</head>\n<body>\n<pre>\n"
                + CibXml.escapeText(text) + "</pre>\n</body>\n</html>\n";
    }
}
