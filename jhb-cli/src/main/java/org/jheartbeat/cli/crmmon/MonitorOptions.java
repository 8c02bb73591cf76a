package org.jheartbeat.cli.crmmon;

/** What crm_mon's text view includes besides the nodes and active resources. */
record MonitorOptions(boolean inactive, boolean failcounts, boolean byNode, boolean operations) {
}
