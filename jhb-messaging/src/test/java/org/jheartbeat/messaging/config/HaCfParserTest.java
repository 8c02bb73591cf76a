package org.jheartbeat.messaging.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HaCfParserTest {

    private static final String[] MINIMAL = {"ucast eth0 10.0.0.2", "node node01 node02", "auto_failback on"};

    @TempDir
    Path dir;

    private final HaCfParser parser = new HaCfParser();

    private HaConfig parse(String... lines) throws ConfigException {
        return parser.parse(TestFiles.write(dir, "ha.cf", lines), "node01");
    }

    /** The minimal valid file with extra lines first. */
    private HaConfig parseWith(String... lines) throws ConfigException {
        List<String> all = new ArrayList<>(Arrays.asList(lines));
        all.addAll(List.of(MINIMAL));
        return parse(all.toArray(String[]::new));
    }

    private ConfigException errorOf(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines));
    }

    private ConfigException errorWith(String... lines) {
        return assertThrows(ConfigException.class, () -> parseWith(lines));
    }

    private static Inet4Address ipv4(String literal) throws Exception {
        return (Inet4Address) InetAddress.getByName(literal);
    }

    private String haCf() {
        return dir.resolve("ha.cf").toString();
    }

    @Test
    void readsTheReferenceSample() throws Exception {
        HaConfig config = parser.parse(TestFiles.sample("ha.cf"), "node02");

        assertThat(config.nodes()).containsExactly("node01", "node02");
        assertThat(config.media()).containsExactly(
                new Medium.Ucast("eth0", ipv4("10.201.0.1"), 694),
                new Medium.Ucast("eth0", ipv4("10.201.0.2"), 694));
        assertThat(config.timing().keepalive().millis()).isEqualTo(200);
        assertThat(config.timing().warntime().millis()).isEqualTo(600);
        assertThat(config.timing().deadtime().millis()).isEqualTo(1000);
        assertThat(config.timing().initdead().millis()).isEqualTo(10_000);
        assertThat(config.timing().deadping().millis()).isEqualTo(1000);
        assertThat(config.crm()).isEqualTo(CrmMode.OFF);
        assertThat(config.autoFailback()).isEqualTo(AutoFailback.ON);
        assertThat(config.logging().useLogd()).isTrue();
        assertThat(config.warnings()).isEmpty();
        assertThat(config.hbParameters())
                .containsEntry("keepalive", "200ms")
                .containsEntry("warntime", "600ms")
                .containsEntry("deadtime", "1")
                .containsEntry("initdead", "10")
                .containsEntry("deadping", "1000ms")
                .containsEntry("udpport", "694")
                .containsEntry("auto_failback", "on")
                .containsEntry("debug", "0")
                .containsEntry("hopfudge", "1")
                .containsEntry("msgfmt", "classic")
                .containsEntry("conn_logd_time", "60000ms")
                .containsEntry("max_rexmit_delay", "250")
                .doesNotContainKeys("logfile", "debugfile", "logfacility", "hbversion");
    }

    /** Rows of the reference's table 1.2: deadtime given, expected warntime, initdead, deadping (ms). */
    @ParameterizedTest(name = "deadtime {0}")
    @CsvSource({
        "2, 1000, 12000, 2000", "4.5, 2250, 12000, 4500", "5, 2500, 12000, 5000", "6, 3000, 12000, 6000",
        "8, 4000, 16000, 8000", "10, 5000, 20000, 10000", "11, 5500, 11000, 11000", "12, 6000, 12000, 12000",
        "15, 7500, 15000, 15000", "20, 10000, 20000, 20000", "25, 12500, 25000, 25000",
        "30, 15000, 30000, 30000", "40, 20000, 40000, 40000"})
    void derivesTimersFromDeadtimeAsHeartbeatDoes(String deadtime, long warntime, long initdead, long deadping)
            throws Exception {
        HaConfig config = parse("keepalive 200ms", "deadtime " + deadtime, "ucast eth0 10.201.0.1",
                "ucast eth0 10.201.0.2", "udpport 694", "node node01 node02", "auto_failback on");

        assertThat(config.timing().deadtime().asParameter()).isEqualTo(deadtime);
        assertThat(config.timing().warntime().millis()).isEqualTo(warntime);
        assertThat(config.timing().initdead().millis()).isEqualTo(initdead);
        assertThat(config.timing().deadping().millis()).isEqualTo(deadping);
        assertThat(config.hbParameters()).containsEntry("warntime", warntime + "ms")
                .containsEntry("initdead", initdead + "ms").containsEntry("deadping", deadping + "ms");
    }

    @Test
    void defaultsMatchHeartbeat() throws Exception {
        HaConfig config = parse(MINIMAL);

        assertThat(config.hbParameters()).containsEntry("keepalive", "1000ms").containsEntry("deadtime", "30000ms")
                .containsEntry("warntime", "15000ms").containsEntry("initdead", "30000ms")
                .containsEntry("deadping", "30000ms").containsEntry("udpport", "694");
        assertThat(config.udpport()).isEqualTo(694);
        assertThat(config.cluster()).isEqualTo("linux-ha");
        assertThat(config.realtime()).isTrue();
        assertThat(config.logBadPackets()).isTrue();
    }

    @Test
    void readsEveryDirective() throws Exception {
        HaConfig config = parser.parse(TestFiles.sample("ha-full.cf"), "ALPHA");

        assertThat(config.nodes()).containsExactly("alpha", "beta");
        assertThat(config.addressesOf("beta")).extracting(InetAddress::getHostAddress)
                .containsExactly("10.0.0.2", "10.0.1.2");
        assertThat(config.media()).containsExactly(new Medium.Bcast("eth1", 695), new Medium.Bcast("eth2", 695),
                new Medium.Mcast("eth0", ipv4("239.192.0.1"), 694, 2, true),
                new Medium.Ucast("eth0", ipv4("10.0.0.2"), 695));
        assertThat(config.logging()).isEqualTo(new LogDestinations(false, "/var/log/ha-log", "/var/log/ha-debug",
                "local0", new TimeValue(30_000, "30")));
        assertThat(config.crm()).isEqualTo(CrmMode.RESPAWN);
        assertThat(config.autoFailback()).isEqualTo(AutoFailback.OFF);
        assertThat(config.pingNodes()).extracting(InetAddress::getHostAddress).containsExactly("10.0.0.254");
        assertThat(config.pingGroups()).singleElement().satisfies(group -> {
            assertThat(group.name()).isEqualTo("routers");
            assertThat(group.addresses()).hasSize(2);
        });
        assertThat(config.respawns()).containsExactly(
                new Respawn("hacluster", "/usr/lib/heartbeat/ipfail", List.of("-v")));
        assertThat(config.apiAuths()).containsExactly(
                new ApiAuth("ipfail", List.of("hacluster", "root"), List.of("haclient")));
        assertThat(config.environment()).containsEntry("LANG", "C");
        assertThat(config.hopfudge()).isEqualTo(2);
        assertThat(config.realtime()).isFalse();
        assertThat(config.debug()).isEqualTo(1);
        assertThat(config.uuidFrom()).isEqualTo(UuidSource.NODENAME);
        assertThat(config.messageFormat()).isEqualTo(MessageFormat.NETSTRING);
        assertThat(config.cluster()).isEqualTo("prod");
        assertThat(config.logBadPackets()).isFalse();
        assertThat(config.maxRexmitDelayMillis()).isEqualTo(500);
        assertThat(config.hbParameters()).containsEntry("logfile", "/var/log/ha-log")
                .containsEntry("logfacility", "local0").containsEntry("udpport", "695")
                .containsEntry("msgfmt", "netstring").containsEntry("debug", "1");
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void unknownDirectiveIsFatalAndNamesAreCaseSensitive() {
        assertThat(errorWith("KEEPALIVE 2").getMessage()).isEqualTo(haCf()
                + ":1: 'KEEPALIVE': unknown directive. Check the spelling (directive names are case-sensitive)"
                + " or see docs/configuration.md");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1s", "0", "abc", "1.2e1", "0ms", "-1", "1.5ms"})
    void badTimesAreRefusedWithTheAcceptedForms(String value) {
        ConfigException error = errorWith("keepalive " + value);

        assertThat(error.getMessage()).isEqualTo(haCf() + ":1: 'keepalive': '" + value
                + "' is not a valid time greater than zero. " + TimeValue.ACCEPTED_FORMS);
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.directive()).isEqualTo("keepalive");
    }

    @Test
    void fractionalSecondsAndMillisecondsAreTimes() throws Exception {
        HaConfig config = parseWith("keepalive 1.5", "deadtime 4.5", "initdead 12");

        assertThat(config.timing().keepalive().millis()).isEqualTo(1500);
        assertThat(config.timing().warntime().millis()).isEqualTo(2250);
        assertThat(parseWith("deadtime 2500ms").timing().deadtime().millis()).isEqualTo(2500);
    }

    @Test
    void singleValueDirectiveTakesTheLastTokenAndWarns() throws Exception {
        HaConfig config = parseWith("deadtime 40", "initdead 40", "keepalive 1,5");

        assertThat(config.timing().keepalive().millis()).isEqualTo(5000);
        assertThat(config.warnings()).containsExactly(haCf() + ":3: 'keepalive': takes one value but 2 were given"
                + " (1 5); using the last one, '5'");
    }

    @Test
    void deadtimeMustExceedTwiceKeepalive() {
        assertThat(errorWith("keepalive 2", "deadtime 4").getMessage()).isEqualTo(haCf()
                + ":2: 'deadtime': deadtime 4000ms is too small compared to keepalive 2000ms: it must be more than"
                + " twice keepalive. Raise deadtime above 4000ms or lower keepalive");
    }

    @Test
    void keepaliveTooLargeForTheDefaultDeadtimeNamesKeepalive() {
        assertThat(errorWith("keepalive 20").getMessage()).startsWith(haCf() + ":1: 'keepalive': deadtime 30000ms"
                + " is too small compared to keepalive 20000ms");
    }

    @Test
    void initdeadSmallerThanDeadtimeIsAnError() {
        assertThat(errorWith("deadtime 5", "initdead 3").getMessage()).isEqualTo(haCf()
                + ":2: 'initdead': initdead 3000ms is smaller than deadtime 5000ms. Set initdead to at least"
                + " deadtime (5)");
    }

    @Test
    void initdeadBelowTenSecondsIsAWarning() throws Exception {
        HaConfig config = parseWith("deadtime 5", "initdead 5");

        assertThat(config.warnings()).containsExactly(haCf() + ":2: 'initdead': initdead 5000ms may be too small:"
                + " nodes that boot more slowly will be declared dead. Consider at least 10 seconds");
    }

    @Test
    void noMediaIsAnError() {
        assertThat(errorOf("node node01").getMessage()).isEqualTo(haCf() + ": No heartbeat media defined. Add at"
                + " least one medium line, e.g. 'ucast eth0 10.0.0.2' (one per peer), 'bcast eth0' or"
                + " 'mcast eth0 239.192.0.1 694 1 0'");
    }

    @Test
    void noNodeLineIsAnError() {
        assertThat(errorOf("bcast eth0").getMessage()).isEqualTo(haCf() + ": 'node': no nodes defined. Add"
                + " 'node NAME ...' naming every cluster member, including this one (node01), or set"
                + " 'autojoin other' or 'autojoin any'");
    }

    @Test
    void localNodeMustBeListed() {
        assertThat(errorOf("bcast eth0", "node node02 node03").getMessage()).isEqualTo(haCf() + ": 'node': this"
                + " node (node01) is not in the node list [node02, node03]. Add 'node node01' (node names must"
                + " match uname -n)");
    }

    @Test
    void autojoinAllowsAnEmptyNodeList() throws Exception {
        assertThat(parse("bcast eth0", "autojoin any", "auto_failback off").autojoin()).isEqualTo(Autojoin.ANY);
    }

    @Test
    void udpportAfterAMediumWarnsAndLeavesThatMediumOnTheOldPort() throws Exception {
        HaConfig config = parse("ucast eth0 10.0.0.2", "udpport 695", "ucast eth0 10.0.0.3", "node node01",
                "auto_failback on");

        assertThat(config.media()).extracting(Medium::port).containsExactly(694, 695);
        assertThat(config.warnings()).containsExactly(haCf() + ":2: 'udpport': applies only to media lines after it:"
                + " line 1 (ucast eth0 10.0.0.2) keeps port 694. Move 'udpport' above the media lines");
    }

    @Test
    void mcastGroupMustBeMulticast() {
        assertThat(errorWith("mcast eth0 10.0.0.1 694 1 0").getMessage()).isEqualTo(haCf() + ":1: 'mcast': group"
                + " 10.0.0.1 is not an IPv4 multicast address. Use an address from 224.0.0.0 to 239.255.255.255,"
                + " preferably 239.192.0.0/14");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "mcast eth0 239.0.0.1 694 0 0; ttl '0' is not a whole number from 1 to 255",
        "mcast eth0 239.0.0.1 694 1 2; loop '2' is not a whole number from 0 to 1",
        "mcast eth0 239.0.0.1 70000 1 0; port '70000' is not a whole number from 1 to 65535",
        "mcast eth0 239.0.0.1 694 1; expected 5 values but found 4 (eth0 239.0.0.1 694 1)",
        "mcast eth0 239.0.0.256 694 1 0; group '239.0.0.256' is not an IPv4 address"})
    void badMcastValues(String line, String problem) {
        assertThat(errorWith(line).getMessage()).startsWith(haCf() + ":1: 'mcast': " + problem + ". ");
    }

    @Test
    void ucastPeerMustBeAnAddressNotAName() {
        assertThat(errorWith("ucast eth0 node02.example").getMessage()).isEqualTo(haCf() + ":1: 'ucast': peer"
                + " 'node02.example' is not an IPv4 address. Write it as four numbers 0..255 separated by dots,"
                + " e.g. 10.0.0.2 (host names are not accepted)");
    }

    @Test
    void ucastTakesOnePeerPerLine() {
        assertThat(errorWith("ucast eth0 10.0.0.2 10.0.0.3").getMessage()).isEqualTo(haCf() + ":1: 'ucast':"
                + " expected 2 values but found 3 (eth0 10.0.0.2 10.0.0.3). Write it as 'ucast IFACE PEER-ADDRESS,"
                + " one line per peer'");
    }

    @Test
    void ipv6MediaAreRefused() {
        assertThat(errorWith("ucast6 eth0 fe80::1").getMessage()).isEqualTo(haCf() + ":1: 'ucast6': IPv6 media are"
                + " not supported by jheartbeat. Use an IPv4 medium instead: ucast, bcast or mcast");
    }

    @Test
    void obsoleteDirectivesAreIgnoredWithAWarning() throws Exception {
        HaConfig config = parseWith("stonith_host * null", "nice_failback on");

        assertThat(config.warnings()).containsExactly(
                haCf() + ":1: 'stonith_host': is accepted for compatibility with Heartbeat but ignored: v1 STONITH"
                        + " is not supported; configure fencing in Pacemaker",
                haCf() + ":2: 'nice_failback': is accepted for compatibility with Heartbeat but ignored: it is"
                        + " obsolete; use 'auto_failback off' instead");
    }

    @Test
    void udpIsAnOldNameOfBcast() throws Exception {
        HaConfig config = parse("udp eth1", "node node01", "auto_failback on");

        assertThat(config.media()).containsExactly(new Medium.Bcast("eth1", 694));
        assertThat(config.warnings()).singleElement().asString().contains("old name of 'bcast'");
    }

    @Test
    void badAutoFailbackValue() {
        assertThat(errorWith("auto_failback maybe").getMessage()).isEqualTo(haCf() + ":1: 'auto_failback': 'maybe'"
                + " is not a valid value. Use on, off or legacy (or another boolean word: yes, no, true, false, y, n,"
                + " 1, 0)");
    }

    @Test
    void missingAutoFailbackWarnsAboutLegacyInV1Mode() throws Exception {
        HaConfig config = parse("bcast eth0", "node node01");

        assertThat(config.autoFailback()).isEqualTo(AutoFailback.LEGACY);
        assertThat(config.warnings()).containsExactly(haCf() + ": 'auto_failback': not set, using Heartbeat's"
                + " default 'legacy'. Set 'auto_failback on' or 'auto_failback off'");
        assertThat(parse("bcast eth0", "node node01", "crm on").warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"yes, ON", "off, OFF", "respawn, RESPAWN", "1, ON", "no, OFF"})
    void crmAcceptsBooleansAndRespawn(String value, CrmMode mode) throws Exception {
        assertThat(parseWith("crm " + value).crm()).isEqualTo(mode);
        assertThat(parseWith("pacemaker " + value).crm()).isEqualTo(mode);
    }

    @Test
    void badCrmValue() {
        assertThat(errorWith("crm minimal").getMessage()).isEqualTo(haCf() + ":1: 'crm': 'minimal' is not supported."
                + " Use on, off or respawn (or another boolean word: yes, no, true, false, y, n, 1, 0)");
    }

    @Test
    void badBoolean() {
        assertThat(errorWith("realtime maybe").getMessage()).isEqualTo(haCf() + ":1: 'realtime': 'maybe' is not a"
                + " boolean. Use one of true, on, yes, y, 1 / false, off, no, n, 0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "debug 256; 'debug': value '256' is not a whole number from 0 to 255",
        "hopfudge x; 'hopfudge': value 'x' is not a whole number from 0 to 255",
        "udpport 0; 'udpport': port '0' is not a whole number from 1 to 65535",
        "max_rexmit_delay 0; 'max_rexmit_delay': value '0' is not a whole number from 1 to 3600000",
        "autojoin some; 'autojoin': 'some' is not a valid value. Use one of: none, other, any",
        "uuidfrom mac; 'uuidfrom': 'mac' is not a valid value. Use one of: file, nodename",
        "msgfmt xml; 'msgfmt': 'xml' is not a valid value. Use one of: classic, netstring",
        "logfacility daemons; 'logfacility': 'daemons' is not a syslog facility. Use none or one of: kern,",
        "compression lz4; 'compression': 'lz4' is not a compression method. Use zlib or bz2, or remove the line",
        "conn_logd_time 1m; 'conn_logd_time': '1m' is not a valid time greater than zero",
        "keepalive; 'keepalive': no value given. Write 'keepalive VALUE' or remove the line",
        "respawn hacluster bin/ipfail; 'respawn': program path 'bin/ipfail' is not absolute. Write the full path",
        "apiauth ipfail hacluster; 'apiauth': 'hacluster' is neither uid=... nor gid=...",
        "ping gateway; 'ping': ping node 'gateway' is not an IPv4 address",
        "ping_group routers; 'ping_group': expected at least 2 values but found 1 (routers)",
        "env LANG; 'env': 'LANG' is not NAME=VALUE"})
    void badValues(String line, String message) {
        assertThat(errorWith(line).getMessage()).startsWith(haCf() + ":1: " + message);
    }

    @Test
    void compressionIsRecordedButWarnsThatItIsNotUsed() throws Exception {
        HaConfig config = parseWith("compression bz2");

        assertThat(config.compression()).isEqualTo("bz2");
        assertThat(config.warnings()).containsExactly(haCf() + ":1: 'compression': 'bz2' is recorded but not used:"
                + " jheartbeat sends every message uncompressed");
    }

    @Test
    void useLogdDefaultsToOnOnlyWithoutOtherDestinations() throws Exception {
        assertThat(parse(MINIMAL).logging().useLogd()).isTrue();
        assertThat(parseWith("logfacility none").logging()).satisfies(logging -> {
            assertThat(logging.useLogd()).isFalse();
            assertThat(logging.logfacility()).isNull();
        });
        HaConfig both = parseWith("use_logd yes", "logfile /var/log/x");
        assertThat(both.logging().useLogd()).isTrue();
        assertThat(both.warnings()).containsExactly(haCf() + ":1: 'use_logd': is on, so logfile, debugfile and"
                + " logfacility in this file are ignored and logd.cf decides where logs go. Turn use_logd off"
                + " to use them");
    }

    @Test
    void nodeaddrMustNameAListedNode() {
        assertThat(errorWith("nodeaddr node03 10.0.0.3").getMessage()).isEqualTo(haCf() + ":1: 'nodeaddr': node"
                + " node03 is not in the node list [node01, node02]. Add 'node node03' or correct the node name");
    }

    @Test
    void nodeaddrAddressesBelongToOneNode() {
        assertThat(errorWith("nodeaddr node01 10.0.0.1", "nodeaddr node02 10.0.0.1").getMessage()).isEqualTo(haCf()
                + ":2: 'nodeaddr': address 10.0.0.1 is already given to node node01. Every node needs its own"
                + " addresses; fix one of the nodeaddr lines");
    }

    @Test
    void commentsMayFollowValues() throws Exception {
        assertThat(parseWith("deadtime 40 # long", "initdead 40#x").timing().deadtime().millis()).isEqualTo(40_000);
    }
}
