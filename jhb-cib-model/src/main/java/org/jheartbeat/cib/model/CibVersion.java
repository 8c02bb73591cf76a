package org.jheartbeat.cib.model;

/**
 * A CIB's version: {@code admin_epoch} (raised only by administrators), {@code epoch} (raised by
 * every configuration change) and {@code num_updates} (raised by every status change, reset when
 * epoch rises). Compared in that order: the copy with the highest version wins when partitions
 * merge.
 */
public record CibVersion(long adminEpoch, long epoch, long numUpdates) implements Comparable<CibVersion> {

    public static final CibVersion ZERO = new CibVersion(0, 0, 0);

    @Override
    public int compareTo(CibVersion other) {
        int byAdmin = Long.compare(adminEpoch, other.adminEpoch);
        if (byAdmin != 0) {
            return byAdmin;
        }
        int byEpoch = Long.compare(epoch, other.epoch);
        return byEpoch != 0 ? byEpoch : Long.compare(numUpdates, other.numUpdates);
    }

    public boolean isNewerThan(CibVersion other) {
        return compareTo(other) > 0;
    }

    /** The version after a configuration change. */
    public CibVersion nextEpoch() {
        return new CibVersion(adminEpoch, epoch + 1, 0);
    }

    /** The version after a status-only change. */
    public CibVersion nextUpdate() {
        return new CibVersion(adminEpoch, epoch, numUpdates + 1);
    }

    /** As Pacemaker prints it: {@code admin_epoch.epoch.num_updates}. */
    @Override
    public String toString() {
        return adminEpoch + "." + epoch + "." + numUpdates;
    }
}
