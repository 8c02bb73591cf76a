package org.jheartbeat.lrm.agent;

import java.util.Arrays;
import java.util.List;

/**
 * A device's answer: whether it did what was asked, what it printed (a host list for
 * {@link StonithDevices#hosts}), and when it did not, why, in words an operator can act on.
 */
public record DeviceAnswer(boolean ok, String output, String failure) {

    /** The host names of a host list, split on whitespace (and commas, as cluster-glue's plugins accept both). */
    public List<String> hostNames() {
        return Arrays.stream(output.trim().split("[\\s,]+")).filter(name -> !name.isEmpty()).toList();
    }
}
