package org.jheartbeat.cib.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the XML Schema validator's messages ("cvc-complex-type.4: Attribute 'class' must
 * appear on element 'primitive'.") in the words of an operator who edits cib.xml. A bad
 * attribute value comes as two messages, the facet that failed and then the attribute; the
 * first is remembered and folded into the second.
 */
final class ValidatorMessages {

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private static final Map<String, String> TYPE_HINTS = Map.of(
            "score", "a score is a whole number or INFINITY, +INFINITY, -INFINITY",
            "boolean", "use true or false",
            "nonNegativeInteger", "use a whole number, 0 or more",
            "positiveInteger", "use a whole number, 1 or more",
            "role", "use one of Stopped, Started, Promoted, Unpromoted (or the older Master, Slave)");

    private String pendingValueHint;

    /** The operator's wording, or null when the message only prepares the next one. */
    String translate(String validatorMessage) {
        String code = validatorMessage.contains(":") ? validatorMessage.substring(0, validatorMessage.indexOf(':')) : "";
        List<String> quoted = quoted(validatorMessage);
        switch (code) {
            case "cvc-complex-type.4":
                return "missing required attribute '" + at(quoted, 0) + "'; add " + at(quoted, 0) + "=\"...\"";
            case "cvc-complex-type.3.2.2":
                return "attribute '" + at(quoted, 0) + "' is not allowed here; check its spelling, or remove it";
            case "cvc-complex-type.2.4.a":
                return "<" + at(quoted, 0) + "> is not allowed at this place; expected " + expected(quoted, 1)
                        + "; check the element's name and that it sits in the right section";
            case "cvc-complex-type.2.4.b":
                return "its content is incomplete; it needs " + expected(quoted, 1);
            case "cvc-complex-type.2.4.d":
                return "<" + at(quoted, 0) + "> is not allowed here; this element takes no (more) child elements";
            case "cvc-complex-type.2.1":
                return "it must be empty; remove its text and child elements";
            case "cvc-complex-type.2.3":
                return "text is not allowed inside it; put values in attributes or nvpairs";
            case "cvc-elt.1.a":
                return "<" + at(quoted, 0) + "> is not a CIB element; a CIB starts with <cib>";
            case "cvc-enumeration-valid":
                pendingValueHint = "use one of " + enumeration(validatorMessage);
                return null;
            case "cvc-pattern-valid", "cvc-minInclusive-valid", "cvc-datatype-valid.1.2.1":
                pendingValueHint = TYPE_HINTS.getOrDefault(quoted.get(quoted.size() - 1), "check the value");
                return null;
            case "cvc-attribute.3":
                String hint = pendingValueHint == null ? "check the value" : pendingValueHint;
                pendingValueHint = null;
                return "attribute '" + at(quoted, 1) + "' has the value '" + at(quoted, 0) + "', which is not allowed; "
                        + hint;
            default:
                return validatorMessage;
        }
    }

    private static List<String> quoted(String message) {
        List<String> values = new ArrayList<>();
        Matcher matcher = QUOTED.matcher(message);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "?";
    }

    /** "'{a, b}'" or "'{"":a, "":b}'" becomes "one of <a>, <b>". */
    private static String expected(List<String> quoted, int index) {
        String list = at(quoted, index).replace("{", "").replace("}", "").replace("\"\":", "");
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add("<" + name.strip() + ">");
            }
        }
        return names.size() == 1 ? names.get(0) : "one of " + String.join(", ", names);
    }

    private static String enumeration(String message) {
        int open = message.indexOf('[');
        int close = message.indexOf(']', open + 1);
        return open < 0 || close < 0 ? "the allowed values" : message.substring(open + 1, close);
    }
}
