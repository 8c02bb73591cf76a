package org.jheartbeat.controller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.jheartbeat.common.time.Clock;
import org.jheartbeat.lrm.agent.DeviceAnswer;
import org.jheartbeat.lrm.agent.StonithDevices;

/**
 * Fences a node with the devices it is given, on the node the DC chose to run them (Pacemaker's
 * fencer, without topology): the devices that can fence the target (by {@code pcmk_host_list},
 * the device's own host list, or any node with {@code pcmk_host_check=none}) are tried in turn,
 * highest priority first, until one succeeds, all within {@code stonith-timeout}.
 */
final class Fencer {

    private final StonithDevices devices;
    private final Clock clock;

    /** What fencing came to: the device that did it (null when none did), and what was tried. */
    record Outcome(boolean ok, String device, String detail) {
    }

    Fencer(StonithDevices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /**
     * @param action the cluster's stonith-action: {@code reboot}, {@code off} (or {@code on})
     */
    CompletableFuture<Outcome> fence(List<FenceDevice> candidates, String target, String action, Duration timeout) {
        if (candidates.isEmpty()) {
            return CompletableFuture.completedFuture(new Outcome(false, null, "no fencing device is configured "
                    + "(a primitive with class=\"stonith\")"));
        }
        long deadline = clock.monotonicMillis() + timeout.toMillis();
        return tryFrom(candidates, 0, target, gluePlugAction(action), deadline, new ArrayList<>());
    }

    private CompletableFuture<Outcome> tryFrom(List<FenceDevice> candidates, int index, String target, String action,
            long deadline, List<String> tried) {
        if (index == candidates.size()) {
            return CompletableFuture.completedFuture(new Outcome(false, null, String.join("; ", tried)));
        }
        FenceDevice device = candidates.get(index);
        Duration left = Duration.ofMillis(deadline - clock.monotonicMillis());
        if (left.isNegative() || left.isZero()) {
            tried.add(device.id() + ": not tried, stonith-timeout reached");
            return tryFrom(candidates, index + 1, target, action, deadline, tried);
        }
        return canFence(device, target, left).thenCompose(reason -> {
            if (reason != null) {
                tried.add(device.id() + ": " + reason);
                return tryFrom(candidates, index + 1, target, action, deadline, tried);
            }
            Duration remaining = Duration.ofMillis(Math.max(1, deadline - clock.monotonicMillis()));
            return devices.fence(device.type(), device.parameters(), action, target, remaining).thenCompose(answer -> {
                if (answer.ok()) {
                    return CompletableFuture.completedFuture(new Outcome(true, device.id(), answer.output().strip()));
                }
                tried.add(device.id() + ": " + answer.failure());
                return tryFrom(candidates, index + 1, target, action, deadline, tried);
            });
        });
    }

    /** Null when the device can fence the target, else why not. */
    private CompletableFuture<String> canFence(FenceDevice device, String target, Duration timeout) {
        switch (device.hostCheck()) {
            case FenceDevice.NONE:
                return CompletableFuture.completedFuture(null);
            case FenceDevice.STATIC_LIST:
                return CompletableFuture.completedFuture(contains(device.staticHosts(), target) ? null
                        : "cannot fence " + target + " (pcmk_host_list: " + String.join(" ", device.staticHosts()) + ")");
            case FenceDevice.DYNAMIC_LIST:
                return devices.hosts(device.type(), device.parameters(), timeout).thenApply((DeviceAnswer answer) -> {
                    if (!answer.ok()) {
                        return "its host list could not be read: " + answer.failure();
                    }
                    return contains(answer.hostNames(), target) ? null
                            : "cannot fence " + target + " (it controls " + String.join(" ", answer.hostNames()) + ")";
                });
            default:
                return CompletableFuture.completedFuture("pcmk_host_check=" + device.hostCheck()
                        + " is not one of static-list, dynamic-list, none");
        }
    }

    /** cluster-glue compares host names without case (its stonith command lower-cases the target). */
    private static boolean contains(List<String> hosts, String target) {
        String wanted = target.toLowerCase(Locale.ROOT);
        return hosts.stream().anyMatch(host -> host.toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** Pacemaker's reboot is cluster-glue's reset. */
    static String gluePlugAction(String action) {
        return "reboot".equals(action) ? "reset" : action;
    }
}
