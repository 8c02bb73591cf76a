package org.jheartbeat.cli.crmsimulate;

import java.nio.file.Path;
import org.jheartbeat.cib.model.CibDocument;
import org.jheartbeat.cib.model.CibParseException;
import org.jheartbeat.cib.xml.CibXml;
import org.jheartbeat.cli.CibInput;
import org.jheartbeat.cli.CibSources;
import org.jheartbeat.cli.ToolFailure;

/**
 * crm_simulate's CIB read and parsed, either when the run asks for it or, for a file named with
 * {@code -x}, ahead: {@link #early} starts reading and parsing on a thread of its own as soon as
 * the process starts, while picocli builds the command line on the main thread (about 0.2 s of
 * a run: its classes are Java 5 class files, which the class data sharing archive cannot hold,
 * so they are read and verified from the jar every time). The run takes the early result only
 * for the very file picocli then says {@code -x} names, after its own checks of the options, so
 * what it prints, errors included, is what it would print without.
 */
final class CibLoad {

    /** Reads the input: a file, standard input or the live CIB. */
    interface Reading {
        CibInput read() throws ToolFailure;
    }

    private final Path file;
    private final Background<CibDocument> parsed;

    private CibLoad(Path file) {
        this.file = file;
        this.parsed = Background.start("cib-load", "the CIB to be parsed",
                () -> parse(() -> new CibInput(CibSources.readFile(file), file.toString())));
    }

    /**
     * Starts reading and parsing the file the arguments name with {@code -x FILE},
     * {@code --xml-file FILE} or {@code --xml-file=FILE} (the last one given, before a
     * {@code --}); null when they name none that way. A guess from the words alone: the run
     * checks it against what picocli parsed ({@link #isOf}).
     */
    static CibLoad early(String[] args) {
        String named = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if ((args[i].equals("-x") || args[i].equals("--xml-file")) && i + 1 < args.length) {
                named = args[++i];
            } else if (args[i].startsWith("--xml-file=")) {
                named = args[i].substring("--xml-file=".length());
            }
        }
        if (named == null) {
            return null;
        }
        Path file;
        try {
            file = Path.of(named);
        } catch (RuntimeException e) {
            return null; // not a path: picocli says so
        }
        return new CibLoad(file);
    }

    /** Whether this is the load of that file. */
    boolean isOf(Path xmlFile) {
        return file.equals(xmlFile);
    }

    /** The parsed CIB, once the thread has it; what went wrong reading or parsing, as if it went wrong here. */
    CibDocument document() throws ToolFailure {
        return parsed.await();
    }

    /**
     * Reads and parses the CIB. The bytes read are dead once parsed, but a large input's array
     * stays in the old generation, which a run seldom collects: collecting it right after the
     * parse (a full collection) cost more CPU than the memory it gave back was worth
     * (docs/benchmarks.md, "Scheduler").
     */
    static CibDocument parse(Reading reading) throws ToolFailure {
        CibInput input = reading.read();
        try {
            return CibXml.parseWithCompactHistory(input.bytes(), input.source());
        } catch (CibParseException e) {
            throw new ToolFailure(ExitCodes.DATA_ERROR, e.getMessage());
        }
    }
}
