package org.jheartbeat.cib.verify;

/** One kind of mistake the verifier looks for. */
interface Check {

    void run(ConfigurationIndex config, Findings findings);
}
