package org.jheartbeat.cli.crmsimulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jheartbeat.cli.ToolFailure;
import org.junit.jupiter.api.Test;

class OpSpecTest {

    @Test
    void resourceTaskIntervalNodeAndResult() throws ToolFailure {
        OpSpec spec = OpSpec.parse("-i", "my_web_server_monitor_20000@node-1.example.com=7");

        assertThat(spec).isEqualTo(new OpSpec("my_web_server", "monitor", 20_000, "node-1.example.com", 7,
                "my_web_server_monitor_20000@node-1.example.com=7"));
        assertThat(spec.key()).isEqualTo("my_web_server_monitor_20000");
    }

    @Test
    void tasksWithAnUnderscoreStayWhole() throws ToolFailure {
        assertThat(OpSpec.parse("-F", "vm_1_migrate_to_0@node1=1").task()).isEqualTo("migrate_to");
        assertThat(OpSpec.parse("-F", "vm_1_migrate_from_0@node1=1").resource()).isEqualTo("vm_1");
    }

    @Test
    void aCloneInstanceIsAResourceName() throws ToolFailure {
        assertThat(OpSpec.parse("-i", "memcached:0_stop_0@fred=1").resource()).isEqualTo("memcached:0");
    }

    @Test
    void eachMissingPartIsNamed() {
        assertThatThrownBy(() -> OpSpec.parse("-i", "rsc_start_0@node1")).isInstanceOf(ToolFailure.class)
                .hasMessageContaining("it is not RESOURCE_TASK_INTERVAL@NODE=RC");
        assertThatThrownBy(() -> OpSpec.parse("-i", "rsc_start_0@node1=ok"))
                .hasMessageContaining("the return code 'ok' is not a number");
        assertThatThrownBy(() -> OpSpec.parse("-i", "start_0@node1=0"))
                .hasMessageContaining("'start_0' has no resource or no task before the interval");
        assertThatThrownBy(() -> OpSpec.parse("-i", "@node1=0")).hasMessageContaining("it is not");
        assertThat(catchExit(() -> OpSpec.parse("-i", "x"))).isEqualTo(64);
    }

    private static int catchExit(ThrowingCall call) {
        try {
            call.run();
            return 0;
        } catch (ToolFailure e) {
            return e.exitCode();
        }
    }

    private interface ThrowingCall {
        void run() throws ToolFailure;
    }
}
