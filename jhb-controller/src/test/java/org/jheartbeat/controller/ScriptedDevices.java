package org.jheartbeat.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.lrm.agent.DeviceAnswer;
import org.jheartbeat.lrm.agent.StonithDevices;

/**
 * Fencing devices for tests, by type: the hosts each one lists and whether its fencing works;
 * every call is recorded. A type it was not told of fails as an unknown device does.
 */
final class ScriptedDevices implements StonithDevices {

    private final Map<String, List<String>> hosts = new HashMap<>();
    private final Map<String, Boolean> works = new HashMap<>();
    final List<String> calls = new ArrayList<>();

    ScriptedDevices device(String type, List<String> controls, boolean fencingWorks) {
        hosts.put(type, controls);
        works.put(type, fencingWorks);
        return this;
    }

    @Override
    public CompletableFuture<DeviceAnswer> hosts(String type, Map<String, String> parameters, Duration timeout) {
        calls.add(type + " hosts");
        List<String> list = hosts.get(type);
        return CompletableFuture.completedFuture(list == null ? unknown(type) : new DeviceAnswer(true, String.join("\n", list), null));
    }

    @Override
    public CompletableFuture<DeviceAnswer> fence(String type, Map<String, String> parameters, String action,
            String target, Duration timeout) {
        calls.add(type + " " + action + " " + target);
        if (!works.containsKey(type)) {
            return CompletableFuture.completedFuture(unknown(type));
        }
        return CompletableFuture.completedFuture(works.get(type) ? new DeviceAnswer(true, "", null)
                : new DeviceAnswer(false, "", "stonith -t " + type + " -E -T " + action + " " + target
                        + ": S_RESETFAIL (reset failed)"));
    }

    private static DeviceAnswer unknown(String type) {
        return new DeviceAnswer(false, "", "stonith -t " + type + " -E: S_OOPS (unknown device type or other problem)");
    }
}
