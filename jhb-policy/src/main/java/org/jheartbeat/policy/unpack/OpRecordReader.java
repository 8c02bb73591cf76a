package org.jheartbeat.policy.unpack;

import java.util.ArrayList;
import java.util.List;
import org.jheartbeat.cib.model.CompactElement;

/**
 * Reads operation records, working out where each field is once per shape of record: a large
 * status has 100,000 records written alike (the same attribute names, the same strings, in the
 * same order), and matching each of their attribute names against the fields was most of the
 * time reading them took.
 */
final class OpRecordReader {

    /** The attribute names of the last record read, and where its fields were. */
    private final LastShape shape = new LastShape();
    private OpRecord.Positions positions;

    /** The operation records of an {@code lrm_resource}, in the order they happened ({@link CallOrder}). */
    List<OpRecord> historyOf(CompactElement lrmResource) {
        List<CompactElement> records = lrmResource.elements("lrm_rsc_op");
        List<OpRecord> ops = new ArrayList<>(records.size());
        for (CompactElement op : records) {
            ops.add(OpRecord.of(op, positionsIn(op)));
        }
        CallOrder.sort(ops);
        return ops;
    }

    private OpRecord.Positions positionsIn(CompactElement op) {
        if (!shape.same(op)) {
            positions = new OpRecord.Positions(op);
        }
        return positions;
    }
}
