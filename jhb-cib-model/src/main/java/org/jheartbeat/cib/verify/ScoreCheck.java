package org.jheartbeat.cib.verify;

import java.util.Optional;
import org.w3c.dom.Element;

/** Scores of constraints and rules: not a number is an error, beyond +/-INFINITY is clamped (a warning). */
final class ScoreCheck implements Check {

    @Override
    public void run(ConfigurationIndex config, Findings findings) {
        for (Element element : Dom.descendants(config.section("constraints"), null)) {
            String text = Dom.attribute(element, "score");
            if (text == null) {
                continue;
            }
            Optional<Score> score = Score.parse(text);
            if (score.isEmpty()) {
                findings.error(element, "score=\"" + text + "\" is not a score",
                        "Use an integer between -1000000 and 1000000, INFINITY or -INFINITY");
            } else if (score.get().clamped()) {
                findings.warning(element, "score=\"" + text + "\" is beyond +/-1000000 and counts as "
                                + (score.get().value() > 0 ? "INFINITY" : "-INFINITY"),
                        "Write " + (score.get().value() > 0 ? "INFINITY" : "-INFINITY")
                                + " if that is meant, or a score between -1000000 and 1000000");
            }
        }
    }
}
