/** The local resource manager: runs resource agents of every class and keeps their history. */
package org.jheartbeat.lrm;
