package org.jheartbeat.lrm.agent;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fencing with a device, as the fencer does it: the hosts a device can fence, and the fencing
 * action itself. The parameters are the device primitive's instance attributes; the fencer's
 * own ({@code pcmk_*}) are not passed to the device.
 */
public interface StonithDevices {

    /** The hosts the device controls (cluster-glue's {@code -l}, an external plugin's {@code gethosts}). */
    CompletableFuture<DeviceAnswer> hosts(String type, Map<String, String> parameters, Duration timeout);

    /**
     * @param action {@code reset}, {@code off} or {@code on}, as cluster-glue names them
     */
    CompletableFuture<DeviceAnswer> fence(String type, Map<String, String> parameters, String action, String target,
            Duration timeout);
}
