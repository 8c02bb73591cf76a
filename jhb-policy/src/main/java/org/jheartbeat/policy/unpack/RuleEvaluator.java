package org.jheartbeat.policy.unpack;

import java.time.LocalDateTime;
import java.util.List;
import org.jheartbeat.policy.model.MetaValues;
import org.w3c.dom.Element;

/** Evaluates rule elements (expressions, date expressions, nested rules) as Pacemaker does. */
final class RuleEvaluator {

    private final IdIndex ids;

    RuleEvaluator(IdIndex ids) {
        this.ids = ids;
    }

    boolean matches(Element ruleRef, RuleContext ctx) {
        Element rule = ids.resolve(ruleRef);
        boolean or = "or".equalsIgnoreCase(Xml.attr(rule, "boolean-op", "and"));
        List<Element> parts = Xml.children(rule);
        if (parts.isEmpty()) {
            return true;
        }
        boolean any = false;
        for (Element part : parts) {
            boolean m = switch (part.getTagName()) {
                case "expression" -> expression(part, ctx);
                case "date_expression" -> DateExpressions.matches(part, ctx.now());
                case "rule" -> matches(part, ctx);
                case "rsc_expression" -> rscExpression(part, ctx);
                case "op_expression" -> opExpression(part, ctx);
                default -> true;
            };
            if (or && m) {
                return true;
            }
            if (!or && !m) {
                return false;
            }
            any |= m;
        }
        return !or || any;
    }

    private boolean rscExpression(Element e, RuleContext ctx) {
        if (ctx.agent() == null) {
            return false;
        }
        return same(Xml.attr(e, "class"), ctx.agent().standard())
                && same(Xml.attr(e, "provider"), ctx.agent().provider())
                && same(Xml.attr(e, "type"), ctx.agent().type());
    }

    private boolean opExpression(Element e, RuleContext ctx) {
        if (ctx.opName() == null) {
            return false;
        }
        if (!ctx.opName().equals(Xml.attr(e, "name"))) {
            return false;
        }
        String interval = Xml.attr(e, "interval");
        return interval == null || MetaValues.millis(interval, -1) == ctx.opIntervalMs();
    }

    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private boolean expression(Element e, RuleContext ctx) {
        String attribute = Xml.attr(e, "attribute", "");
        String op = Xml.attr(e, "operation", "eq");
        String type = Xml.attr(e, "type");
        String valueSource = Xml.attr(e, "value-source", "literal");
        String expected = ctx.expectedValue(valueSource, Xml.attr(e, "value"));
        String actual = ctx.nodeAttributes().get(attribute);
        switch (op) {
            case "defined":
                return actual != null;
            case "not_defined":
                return actual == null;
            default:
                break;
        }
        if (actual == null || expected == null) {
            return "ne".equals(op) && (actual != null || expected != null);
        }
        int cmp = compare(actual, expected, type);
        return switch (op) {
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            default -> false;
        };
    }

    private static int compare(String a, String b, String type) {
        String t = type;
        if (t == null) {
            t = looksNumeric(a) && looksNumeric(b) ? "number" : "string";
        }
        switch (t) {
            case "integer":
                // integer comparison drops any fractional part: 3.4 equals 3.6
                try {
                    return Long.compare((long) Double.parseDouble(a), (long) Double.parseDouble(b));
                } catch (NumberFormatException e) {
                    return a.compareToIgnoreCase(b);
                }
            case "number":
                try {
                    return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
                } catch (NumberFormatException e) {
                    return a.compareToIgnoreCase(b);
                }
            case "version":
                return compareVersions(a, b);
            default:
                return a.compareToIgnoreCase(b);
        }
    }

    private static boolean looksNumeric(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }

    /** Compares dotted versions ("3.0.12" < "3.16.0") number by number. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parseLong(x[i]) : 0;
            long q = i < y.length ? parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static LocalDateTime nowOrEpoch(LocalDateTime now) {
        return now == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : now;
    }
}
