package org.jheartbeat.daemon.ipc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Heartbeat's rule for its status clients: root, the daemon's own user, and members of group
 * {@code haclient} (as primary group or listed in /etc/group). The group file is read on
 * every check so that adding a user to the group takes effect without a restart.
 */
public final class HaclientAccessPolicy implements AccessPolicy {

    public static final String GROUP = "haclient";
    private static final Path GROUP_FILE = Path.of("/etc/group");

    private final String daemonUser;
    private final Supplier<String> groupFileText;

    public HaclientAccessPolicy(String daemonUser, Supplier<String> groupFileText) {
        this.daemonUser = daemonUser;
        this.groupFileText = groupFileText;
    }

    /** The policy for a daemon running as the current user, reading /etc/group. */
    public static HaclientAccessPolicy forThisProcess() {
        return new HaclientAccessPolicy(System.getProperty("user.name"), HaclientAccessPolicy::readGroupFile);
    }

    @Override
    public Optional<String> refusal(PeerCredentials who) {
        return refusal(who, daemonUser, groupFileText.get());
    }

    /** The rule itself, over names and the text of /etc/group. */
    public static Optional<String> refusal(PeerCredentials who, String daemonUser, String groupFileText) {
        if ("root".equals(who.user()) || who.user().equals(daemonUser) || GROUP.equals(who.group())
                || listedMember(who.user(), groupFileText)) {
            return Optional.empty();
        }
        return Optional.of("user " + who.user() + " may not use heartbeat: only root, " + daemonUser
                + " and members of group " + GROUP + " may; add the user to the group"
                + " (usermod -a -G " + GROUP + " " + who.user() + ") and log in again");
    }

    private static boolean listedMember(String user, String groupFileText) {
        return groupFileText.lines()
                .map(line -> line.split(":", -1))
                .filter(fields -> fields.length >= 4 && fields[0].equals(GROUP))
                .flatMap(fields -> Arrays.stream(fields[3].split(",")))
                .map(String::trim)
                .anyMatch(user::equals);
    }

    private static String readGroupFile() {
        try {
            return Files.readString(GROUP_FILE);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + GROUP_FILE + ": " + e.getMessage(), e);
        }
    }
}
