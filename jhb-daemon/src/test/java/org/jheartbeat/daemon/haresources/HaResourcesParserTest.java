package org.jheartbeat.daemon.haresources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.jheartbeat.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class HaResourcesParserTest {

    private static final Path FILE = Path.of("/etc/ha.d/haresources");

    private static List<HaResourceGroup> parse(String... lines) throws ConfigException {
        return HaResourcesParser.parse(FILE, List.of(lines));
    }

    @Test
    void readsTheLineOfTheDocumentAsResourceManagerSplitsIt() throws Exception {
        List<HaResourceGroup> groups = parse("node01 IPaddr::192.168.0.100/24/eth0 pgsql");

        assertThat(groups).containsExactly(new HaResourceGroup(1, "node01", List.of(
                new HaResource("IPaddr::192.168.0.100/24/eth0", "IPaddr", List.of("192.168.0.100/24/eth0")),
                new HaResource("pgsql", "pgsql", List.of()))));
    }

    @Test
    void aBareAddressIsIpaddrAndDoubleColonsSeparateSeveralArguments() throws Exception {
        HaResourceGroup group = parse("node1  10.0.0.170 Filesystem::/dev/sda1::/data1::ext2").get(0);

        assertThat(group.resources()).containsExactly(
                new HaResource("10.0.0.170", "IPaddr", List.of("10.0.0.170")),
                new HaResource("Filesystem::/dev/sda1::/data1::ext2", "Filesystem", List.of("/dev/sda1", "/data1", "ext2")));
    }

    @Test
    void commentsBlankLinesTabsAndContinuationsAsInHeartbeat() throws Exception {
        List<HaResourceGroup> groups = parse(
                "# the cluster's services",
                "",
                "NODE01\t135.9.216.110 \\",
                "   135.9.216.111 \\ # the second address",
                "\thttpd  # and the web server",
                "node02 Delay::5::0 # a test resource",
                "node02 apache \\");

        assertThat(groups).extracting(HaResourceGroup::line).containsExactly(3, 6, 7);
        assertThat(groups.get(0).node()).isEqualTo("node01");
        assertThat(groups.get(0).resources()).extracting(HaResource::script).containsExactly("IPaddr", "IPaddr", "httpd");
        assertThat(groups.get(1).resources()).containsExactly(new HaResource("Delay::5::0", "Delay", List.of("5", "0")));
        assertThat(groups.get(2).resources()).extracting(HaResource::script).containsExactly("apache");
    }

    @Test
    void anEmptyFileHasNoGroups() throws Exception {
        assertThat(parse("# nothing yet", "   ")).isEmpty();
    }

    @Test
    void aNodeWithoutResourcesIsRefusedWithItsLine() {
        assertThatThrownBy(() -> parse("# x", "node01   # resources to come"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/ha.d/haresources:2: 'node01': a node without resources. Write the node's resources"
                        + " after it on the same line (NODE RESOURCE...), or remove the line");
    }

    @Test
    void aLineStartingWithAResourceIsRefused() {
        assertThatThrownBy(() -> parse("IPaddr::10.0.0.1 httpd")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("/etc/ha.d/haresources:1: 'IPaddr::10.0.0.1': a line starts with the"
                        + " preferred node's name");
        assertThatThrownBy(() -> parse("10.0.0.1 httpd")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("a line starts with the preferred node's name");
    }

    @Test
    void emptyArgumentsAndPathsAreRefused() {
        assertThatThrownBy(() -> parse("node01 Filesystem::/dev/sda1::::ext2")).isInstanceOf(ConfigException.class)
                .hasMessage("/etc/ha.d/haresources:1: 'Filesystem::/dev/sda1::::ext2': an empty argument (a '::' at the"
                        + " end or two in a row). Remove the extra '::'; an empty argument would be dropped and shift"
                        + " the ones after it");
        assertThatThrownBy(() -> parse("node01 IPaddr::")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("an empty argument");
        assertThatThrownBy(() -> parse("node01 ../../bin/sh::x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'../../bin/sh' is not a resource script's name");
        assertThatThrownBy(() -> parse("node01 ::x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'' is not a resource script's name");
        assertThatThrownBy(() -> parse("node01 10.0.0.1::eth0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("an IP address with '::' arguments");
    }

    @Test
    void theFirstResourceOfALineMustBeUniqueAsItIsTheGroupsKey() {
        assertThatThrownBy(() -> parse("node01 10.0.0.1 httpd", "", "node02 10.0.0.1 mysql"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("/etc/ha.d/haresources:3: '10.0.0.1': this first resource of the line is also the first"
                        + " resource of line 1; Heartbeat names a group by its first resource, so it must be unique."
                        + " Merge the two lines, or put a different resource first");
    }

    @Test
    void aMissingFileIsReportedAsSuch() {
        assertThatThrownBy(() -> HaResourcesParser.parse(Path.of("/nonexistent/haresources")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("/nonexistent/haresources: cannot read the file");
    }
}
