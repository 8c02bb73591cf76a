package org.jheartbeat.daemon;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the daemon cleanly (it tells its peers, removes its pid file and exits
 * 0, which the JVM's default handling would turn into 143); SIGHUP re-reads the configuration,
 * as Heartbeat does on {@code heartbeat -r}.
 */
final class SignalHandlers {

    private SignalHandlers() {
    }

    static void install(HeartbeatDaemon daemon) {
        Signal.handle(new Signal("TERM"), signal -> stopInBackground(daemon));
        Signal.handle(new Signal("INT"), signal -> stopInBackground(daemon));
        Signal.handle(new Signal("HUP"), signal -> daemon.reload());
    }

    private static void stopInBackground(HeartbeatDaemon daemon) {
        Thread stopper = new Thread(daemon::stop, "shutdown");
        stopper.start();
    }
}
