package org.jheartbeat.cli.clusterstatus;

/**
 * Pacemaker's plain-text list output, which crm_simulate and crm_mon share: a top-level list
 * is a "Title:" line, nested lists and items are "* " lines indented two spaces a level. In
 * quiet form (Pacemaker's {@code -Q}, and {@code -s} for crm_simulate) titles are left out and
 * items stand bare at the start of the line, without the name an item may carry.
 */
public final class TextList {

    private final StringBuilder text = new StringBuilder();
    private final boolean quiet;
    private int depth;

    public TextList(boolean quiet) {
        this.quiet = quiet;
    }

    public boolean quiet() {
        return quiet;
    }

    /** Opens a list under its title; items until {@link #end()} belong to it. */
    public void begin(String title) {
        if (!quiet) {
            if (depth == 0) {
                text.append(title).append(":\n");
            } else {
                indent().append("* ").append(title).append(":\n");
            }
        }
        depth++;
    }

    public void end() {
        depth--;
    }

    public void item(String line) {
        if (quiet) {
            text.append(line).append('\n');
        } else {
            indent().append("* ").append(line).append('\n');
        }
    }

    /**
     * An item with a name, "Online: [ node1 ]", where quiet output keeps only the value
     * (Pacemaker names few items so; a clone's "Started: [ ... ]" is plain text).
     */
    public void item(String name, String value) {
        item(quiet ? value : name + ": " + value);
    }

    /** A line outside any list structure, printed as it is in both forms. */
    public void line(String line) {
        text.append(line).append('\n');
    }

    /** The empty line Pacemaker puts between two parts of a section. */
    public void blank() {
        text.append('\n');
    }

    /** The empty line before a new section, when something came before it. */
    public void spacer() {
        if (text.length() > 0) {
            text.append('\n');
        }
    }

    /** Adds what another list printed, at the top level (between sections) of this one. */
    public void append(TextList other) {
        text.append(other.text);
    }

    public String text() {
        return text.toString();
    }

    private StringBuilder indent() {
        return text.append("  ".repeat(depth));
    }
}
